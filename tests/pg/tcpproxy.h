#pragma once

// A TCP proxy (socat) in front of the PostgreSQL test server that a test can cut and restore,
// as if the network or the server went away. Header-only, tests only.

#include <QProcess>
#include <QTest>

#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace tt::test {

inline sockaddr_in loopback(int port)
{
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(quint16(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

inline int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a = loopback(0);
    socklen_t len = sizeof a;
    ::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

inline bool accepts(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a = loopback(port);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0;
    ::close(fd);
    return ok;
}

// socat forwarding 127.0.0.1:port() to the test server, in its own process group so that
// stop() also ends the connections it forked.
class TcpProxy
{
public:
    ~TcpProxy() { stop(); }

    bool start(int targetPort)
    {
        if (m_port == 0)
            m_port = freePort();
        m_process.setProgram(QStringLiteral("setsid"));
        m_process.setArguments(
            {QStringLiteral("socat"),
             QStringLiteral("TCP-LISTEN:%1,bind=127.0.0.1,reuseaddr,fork").arg(m_port),
             QStringLiteral("TCP:127.0.0.1:%1").arg(targetPort)});
        m_process.start();
        if (!m_process.waitForStarted(5000))
            return false;
        for (int i = 0; i < 100; ++i) {
            if (accepts(m_port))
                return true;
            QTest::qWait(50);
        }
        return false;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        ::kill(-pid_t(m_process.processId()), SIGKILL);
        m_process.waitForFinished(5000);
    }

    int port() const { return m_port; }

private:
    QProcess m_process;
    int m_port = 0;
};

} // namespace tt::test
