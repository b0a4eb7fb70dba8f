#pragma once

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

// A socat pseudo-terminal pair for serial tests (TOOLCHAIN "Serial ports without hardware"):
// whatever is written to peerPath() arrives on devicePath() and back. The link names are
// unique per process, because QSerialPort locks ports by base name in a global directory.
class PtyPair
{
public:
    PtyPair()
    {
        static int counter = 0;
        const QString tag = QStringLiteral("%1-%2").arg(QCoreApplication::applicationPid()).arg(++counter);
        m_peer = m_dir.filePath(QStringLiteral("ttpeer-") + tag);
        m_device = m_dir.filePath(QStringLiteral("ttdev-") + tag);
    }
    ~PtyPair() { stop(); }

    static bool available() { return !QStandardPaths::findExecutable(QStringLiteral("socat")).isEmpty(); }

    const QString &peerPath() const { return m_peer; }
    const QString &devicePath() const { return m_device; }
    qint64 pid() const { return m_socat.processId(); }

    // Starts socat and waits until both links exist. Returns false on failure.
    bool start()
    {
        m_socat.setProgram(QStringLiteral("socat"));
        m_socat.setArguments({QStringLiteral("pty,raw,echo=0,link=") + m_peer,
                              QStringLiteral("pty,raw,echo=0,link=") + m_device});
        m_socat.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_socat.start();
        if (!m_socat.waitForStarted(3000))
            return false;
        QDeadlineTimer deadline(5000);
        while (!deadline.hasExpired()) {
            if (QFileInfo::exists(m_peer) && QFileInfo::exists(m_device))
                return openPeer();
            QTest::qWait(10);
        }
        return false;
    }

    // Kills socat (the device "unplugged") and removes the links like a vanished /dev node.
    void kill()
    {
        closePeer();
        if (m_socat.state() != QProcess::NotRunning) {
            m_socat.kill();
            m_socat.waitForFinished(3000);
        }
        QFile::remove(m_peer);
        QFile::remove(m_device);
    }

    void stop() { kill(); }

    // Writes bytes into the peer end; they arrive at the device end.
    bool write(const QByteArray &bytes)
    {
        qsizetype done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::write(m_fd, bytes.constData() + done, size_t(bytes.size() - done));
            if (n < 0) {
                if (errno == EINTR || errno == EAGAIN) {
                    QTest::qWait(1);
                    continue;
                }
                return false;
            }
            done += n;
        }
        return true;
    }

    // Reads what the device end wrote to the peer (scale requests), waiting up to timeoutMs.
    QByteArray read(int timeoutMs)
    {
        QByteArray out;
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            char buf[256];
            const ssize_t n = ::read(m_fd, buf, sizeof buf);
            if (n > 0) {
                out.append(buf, n);
                if (out.endsWith('\n'))
                    break;
                continue;
            }
            QTest::qWait(5);
        }
        return out;
    }

private:
    bool openPeer()
    {
        m_fd = ::open(QFile::encodeName(m_peer).constData(), O_RDWR | O_NOCTTY | O_NONBLOCK);
        if (m_fd < 0)
            return false;
        termios t{};
        if (::tcgetattr(m_fd, &t) == 0) {
            ::cfmakeraw(&t);
            ::tcsetattr(m_fd, TCSANOW, &t);
        }
        return true;
    }
    void closePeer()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }

    QTemporaryDir m_dir;
    QString m_peer;
    QString m_device;
    QProcess m_socat;
    int m_fd = -1;
};
