#include "app/totpdialog.h"

#include "app/dbclient.h"
#include "app/feedbacktext.h"
#include "database/accountservice.h"
#include "database/centraladmin.h"
#include "reports/barcode.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

namespace tt {

TotpDialog::TotpDialog(DbClient &db, const Actor &actor, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_actor(actor)
    , m_qr(new QLabel(this))
    , m_secret(new QLabel(this))
    , m_code(new QLineEdit(this))
    , m_confirm(new QPushButton(tr("Confirm"), this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("One-time code for %1").arg(actor.user));
    m_qr->setAlignment(Qt::AlignCenter);
    m_qr->setMinimumSize(240, 240);
    m_secret->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_secret->setWordWrap(true);
    QFont mono(QStringLiteral("DejaVu Sans Mono"));
    mono.setPointSize(13);
    m_secret->setFont(mono);
    m_code->setPlaceholderText(tr("6 digits"));
    m_code->setMaxLength(7);
    m_code->setObjectName(QStringLiteral("totpCode"));
    m_message->setWordWrap(true);
    auto *intro = new QLabel(
        tr("Scan the QR code with an authenticator app (or type the key into it), then enter "
           "the 6-digit code it shows. From then on, logging in and unlocking need the "
           "password and the current code."),
        this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Key"), m_secret);
    form->addRow(tr("Code from the app"), m_code);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_confirm, QDialogButtonBox::AcceptRole);
    m_confirm->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_qr, 0, Qt::AlignHCenter);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    setMinimumWidth(520);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_confirm, &QPushButton::clicked, this, [this] { confirm(m_code->text()); });
    connect(m_code, &QLineEdit::returnPressed, this, [this] { confirm(m_code->text()); });

    m_message->setText(tr("Preparing a new key…"));
    m_db.call(
        DbClient::Lane::Command, this,
        [actor, central = db.isCentral()](DbSession &s) {
            if (central)
                return s.onCentral(
                    [&](PgStore &c) { return CentralAdmin(c).beginTotp(actor.user); });
            return AccountService(s.store->statements(), s.store->clock())
                .beginTotp(actor, s.stationId);
        },
        [this](Result<TotpEnrolment> r) {
            if (!r) {
                m_message->setText(localizedMessage(r.error().message));
                return;
            }
            QString grouped;
            for (qsizetype i = 0; i < r->secretBase32.size(); i += 4)
                grouped += r->secretBase32.mid(i, 4) + QLatin1Char(' ');
            m_secret->setText(grouped.trimmed());
            if (const auto qr = Barcode::encode(Symbology::QrCode, r->uri))
                m_qr->setPixmap(QPixmap::fromImage(qr->toImage(5)));
            else
                m_qr->setText(localizedMessage(qr.error().message));
            m_message->clear();
            m_confirm->setEnabled(true);
            m_code->setFocus();
            Q_EMIT secretShown();
        });
}

QString TotpDialog::secretText() const
{
    return m_secret->text();
}

QString TotpDialog::messageText() const
{
    return m_message->text();
}

void TotpDialog::confirm(const QString &code)
{
    m_code->clear();
    m_db.call(
        DbClient::Lane::Command, this,
        [actor = m_actor, code, central = m_db.isCentral()](DbSession &s) -> Result<void> {
            if (central) {
                const auto r =
                    s.onCentral([&](PgStore &c) { return CentralAdmin(c).confirmTotp(code); });
                if (!r)
                    return std::unexpected(r.error());
                return {};
            }
            return AccountService(s.store->statements(), s.store->clock())
                .confirmTotp(actor, s.stationId, code);
        },
        [this](Result<void> r) {
            if (!r) {
                m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
                m_message->setText(localizedMessage(r.error().message));
                return;
            }
            accept();
        });
}

} // namespace tt
