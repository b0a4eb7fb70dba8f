#pragma once

#include <QObject>

#include <array>
#include <memory>

#include "core/outcome.h"

class QTemporaryDir;

namespace tt {

// Distinct sounds for the station's answers: a short high beep (ok), two quick mid beeps
// (duplicate), a long low buzz (rejected). The tones are generated as WAV files on first use and
// played with Qt Multimedia when it was available at build time, else QApplication::beep().
// GUI thread only.
class SoundPlayer : public QObject
{
    Q_OBJECT

public:
    explicit SoundPlayer(QObject *parent = nullptr);
    ~SoundPlayer() override;

    void play(ResultKind kind);
    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }
    // The sound chosen last (tests): 0 none yet, 1 ok, 2 duplicate, 3 rejected.
    int lastSound() const { return m_last; }

    // A 16-bit mono PCM WAV of the tone sequence: (frequency Hz, milliseconds) pairs, frequency 0
    // is silence.
    static QByteArray wav(const QList<std::pair<int, int>> &tones, int sampleRate = 22050);

private:
    void prepare();

    bool m_enabled = true;
    bool m_prepared = false;
    int m_last = 0;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::array<QObject *, 3> m_effects{}; // QSoundEffect when built with Qt Multimedia
};

} // namespace tt
