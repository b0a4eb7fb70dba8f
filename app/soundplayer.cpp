#include "app/soundplayer.h"

#include <QApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QUrl>
#include <QtEndian>

#include <cmath>

#ifdef TT_HAVE_MULTIMEDIA
#include <QSoundEffect>
#endif

namespace tt {

namespace {

void putLe32(QByteArray &b, quint32 v)
{
    char d[4];
    qToLittleEndian(v, d);
    b.append(d, 4);
}

void putLe16(QByteArray &b, quint16 v)
{
    char d[2];
    qToLittleEndian(v, d);
    b.append(d, 2);
}

int indexOf(ResultKind kind)
{
    switch (kind) {
    case ResultKind::Ok:
    case ResultKind::Queued:
        return 0;
    case ResultKind::Duplicate:
        return 1;
    case ResultKind::Rejected:
        break;
    }
    return 2;
}

} // namespace

SoundPlayer::SoundPlayer(QObject *parent)
    : QObject(parent)
{
}

SoundPlayer::~SoundPlayer() = default;

QByteArray SoundPlayer::wav(const QList<std::pair<int, int>> &tones, int sampleRate)
{
    QByteArray pcm;
    for (const auto &[frequency, ms] : tones) {
        const int samples = sampleRate * ms / 1000;
        for (int i = 0; i < samples; ++i) {
            // A short fade in and out avoids clicks.
            const double envelope = std::min({1.0, i / 200.0, (samples - i) / 200.0});
            const double v = frequency > 0 ? std::sin(2.0 * M_PI * frequency * i / sampleRate) * envelope * 0.6 : 0.0;
            putLe16(pcm, quint16(qint16(v * 32767)));
        }
    }
    QByteArray out("RIFF");
    putLe32(out, quint32(36 + pcm.size()));
    out.append("WAVEfmt ");
    putLe32(out, 16);
    putLe16(out, 1); // PCM
    putLe16(out, 1); // mono
    putLe32(out, quint32(sampleRate));
    putLe32(out, quint32(sampleRate * 2));
    putLe16(out, 2);
    putLe16(out, 16);
    out.append("data");
    putLe32(out, quint32(pcm.size()));
    out.append(pcm);
    return out;
}

void SoundPlayer::prepare()
{
    m_prepared = true;
#ifdef TT_HAVE_MULTIMEDIA
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid())
        return;
    const QList<QList<std::pair<int, int>>> sounds{
        {{1760, 90}},                              // ok
        {{990, 70}, {0, 60}, {990, 70}},           // duplicate
        {{220, 450}},                              // rejected
    };
    for (int i = 0; i < 3; ++i) {
        const QString path = m_dir->filePath(QStringLiteral("sound%1.wav").arg(i));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(wav(sounds[i])) < 0)
            continue;
        f.close();
        auto *effect = new QSoundEffect(this);
        effect->setSource(QUrl::fromLocalFile(path));
        effect->setVolume(0.9f);
        m_effects[i] = effect;
    }
#endif
}

void SoundPlayer::play(ResultKind kind)
{
    const int i = indexOf(kind);
    m_last = i + 1;
    if (!m_enabled)
        return;
    if (!m_prepared)
        prepare();
#ifdef TT_HAVE_MULTIMEDIA
    if (auto *effect = qobject_cast<QSoundEffect *>(m_effects[i])) {
        effect->play();
        return;
    }
#endif
    QApplication::beep();
}

} // namespace tt
