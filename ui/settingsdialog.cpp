#include "settingsdialog.h"

#include "filedialogs.h"
#include "servicecontroller.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFontComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace studio {

SettingsDialog::SettingsDialog(const StudioSettings& settings, QWidget* parent)
    : QDialog(parent)
    , original_(settings)
    , settings_(settings)
    , tabs_(new QTabWidget(this))
    , buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    tabs_->addTab(makeFlagsPage(), QString());
    tabs_->addTab(makeEditorPage(), QString());
    tabs_->addTab(makePreviewPage(), QString());
    tabs_->addTab(new ServiceSettingsPage(this), QString());
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tabs_);
    layout->addWidget(buttons_);
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    loadFromSettings();
    retranslate();
    resize(720, 620);
}

QWidget* SettingsDialog::makeFlagsPage()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);

    auto* profileRow = new QHBoxLayout;
    profileLabel_ = new QLabel(page);
    profiles_ = new QComboBox(page);
    saveProfile_ = new QPushButton(page);
    deleteProfile_ = new QPushButton(page);
    profileRow->addWidget(profileLabel_);
    profileRow->addWidget(profiles_, 1);
    profileRow->addWidget(saveProfile_);
    profileRow->addWidget(deleteProfile_);
    layout->addLayout(profileRow);

    auto* grid = new QGridLayout;
    rolloutTitle_ = new QLabel(page);
    featuresTitle_ = new QLabel(page);
    int row = 0;
    for (const bool rollout : {true, false}) {
        grid->addWidget(rollout ? rolloutTitle_ : featuresTitle_, row++, 0, 1, 2);
        for (const mdsl::Flag flag : mdsl::kAllFlags) {
            if (isRolloutFlag(flag) != rollout)
                continue;
            auto* box = new QCheckBox(productionName(flag), page);
            auto* description = new QLabel(page);
            description->setEnabled(false);
            grid->addWidget(box, row, 0);
            grid->addWidget(description, row++, 1);
            flagBoxes_[flag] = box;
            flagDescriptions_[flag] = description;
            connect(box, &QCheckBox::toggled, this, [this, flag](bool on) {
                if (loading_)
                    return;
                settings_.flags.set(flag, on);
                profiles_->setCurrentIndex(-1);
                for (int i = 0; i < profiles_->count(); ++i) {
                    if (profiles_->itemData(i).toInt() >= 0) {
                        const int index = profiles_->itemData(i).toInt();
                        const auto all = builtInProfiles() + settings_.userProfiles;
                        if (index < all.size() && all.at(index).flags == settings_.flags) {
                            profiles_->setCurrentIndex(i);
                            break;
                        }
                    }
                }
                commit();
            });
        }
    }
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid);

    auto* fileRow = new QHBoxLayout;
    import_ = new QPushButton(page);
    export_ = new QPushButton(page);
    fileRow->addWidget(import_);
    fileRow->addWidget(export_);
    fileRow->addStretch(1);
    layout->addLayout(fileRow);
    // A box of a few lines that scrolls: however many or long the messages of an import, the
    // dialog keeps its size.
    messages_ = new QPlainTextEdit(page);
    messages_->setReadOnly(true);
    messages_->setFrameShape(QFrame::NoFrame);
    messages_->setBackgroundRole(QPalette::Window);
    messages_->viewport()->setAutoFillBackground(false);
    messages_->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    messages_->setFixedHeight(messages_->fontMetrics().lineSpacing() * 4 + int(2 * messages_->document()->documentMargin()));
    layout->addWidget(messages_);

    routingTitle_ = new QLabel(page);
    routing_ = new QTableWidget(6, 2, page);
    routing_->verticalHeader()->hide();
    routing_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    routing_->horizontalHeader()->setStretchLastSection(true);
    routing_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    routing_->setSelectionMode(QAbstractItemView::NoSelection);
    routing_->setFocusPolicy(Qt::NoFocus);
    layout->addWidget(routingTitle_);
    layout->addWidget(routing_, 1);

    connect(profiles_, &QComboBox::activated, this, &SettingsDialog::applyProfile);
    connect(saveProfile_, &QPushButton::clicked, this, &SettingsDialog::saveProfile);
    connect(deleteProfile_, &QPushButton::clicked, this, &SettingsDialog::deleteProfile);
    connect(import_, &QPushButton::clicked, this, [this] {
        if (const QString path = chooseImportFile(this); !path.isEmpty())
            importFlags(path);
    });
    connect(export_, &QPushButton::clicked, this, [this] {
        if (const QString path = chooseExportFile(this); !path.isEmpty())
            exportFlags(path);
    });
    return page;
}

QWidget* SettingsDialog::makeEditorPage()
{
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    themeLabel_ = new QLabel(page);
    theme_ = new QComboBox(page);
    theme_->addItems({QString(), QString(), QString()});
    fontLabel_ = new QLabel(page);
    font_ = new QFontComboBox(page);
    font_->setFontFilters(QFontComboBox::MonospacedFonts);
    fontSize_ = new QSpinBox(page);
    fontSize_->setRange(6, 48);
    auto* fontRow = new QHBoxLayout;
    fontRow->addWidget(font_, 1);
    fontRow->addWidget(fontSize_);
    languageLabel_ = new QLabel(page);
    language_ = new QComboBox(page);
    language_->addItem(QString(), QString());
    language_->addItem(QStringLiteral("English"), QStringLiteral("en"));
    language_->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    form->addRow(themeLabel_, theme_);
    form->addRow(fontLabel_, fontRow);
    form->addRow(languageLabel_, language_);

    connect(theme_, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (loading_)
            return;
        settings_.theme = static_cast<ThemeChoice>(index);
        commit();
    });
    const auto fontChanged = [this] {
        if (loading_)
            return;
        QFont f = font_->currentFont();
        f.setPointSize(fontSize_->value());
        settings_.editorFont = f;
        commit();
    };
    connect(font_, &QFontComboBox::currentFontChanged, this, fontChanged);
    connect(fontSize_, &QSpinBox::valueChanged, this, fontChanged);
    connect(language_, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (loading_)
            return;
        settings_.language = language_->itemData(index).toString();
        commit();
    });
    return page;
}

QWidget* SettingsDialog::makePreviewPage()
{
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    autoRun_ = new QCheckBox(page);
    delayLabel_ = new QLabel(page);
    delay_ = new QSpinBox(page);
    delay_->setRange(0, 5000);
    delay_->setSingleStep(50);
    delay_->setSuffix(QStringLiteral(" ms"));
    pinClock_ = new QCheckBox(page);
    clock_ = new QDateTimeEdit(page);
    clock_->setTimeZone(QTimeZone::UTC);
    clock_->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
    form->addRow(autoRun_);
    form->addRow(delayLabel_, delay_);
    form->addRow(pinClock_, clock_);
    const auto changed = [this] {
        if (loading_)
            return;
        settings_.previewAutoRun = autoRun_->isChecked();
        settings_.previewDelayMs = delay_->value();
        settings_.pinClock = pinClock_->isChecked();
        settings_.pinnedClockMs = clock_->dateTime().toMSecsSinceEpoch();
        clock_->setEnabled(settings_.pinClock);
        commit();
    };
    connect(autoRun_, &QCheckBox::toggled, this, changed);
    connect(delay_, &QSpinBox::valueChanged, this, changed);
    connect(pinClock_, &QCheckBox::toggled, this, changed);
    connect(clock_, &QDateTimeEdit::dateTimeChanged, this, changed);
    return page;
}

void SettingsDialog::loadFromSettings()
{
    loading_ = true;
    for (const mdsl::Flag flag : mdsl::kAllFlags)
        flagBoxes_.at(flag)->setChecked(settings_.flags.get(flag));
    theme_->setCurrentIndex(int(settings_.theme));
    font_->setCurrentFont(settings_.editorFont);
    fontSize_->setValue(settings_.editorFont.pointSize() > 0 ? settings_.editorFont.pointSize() : 10);
    language_->setCurrentIndex(qMax(0, language_->findData(settings_.language)));
    autoRun_->setChecked(settings_.previewAutoRun);
    delay_->setValue(settings_.previewDelayMs);
    pinClock_->setChecked(settings_.pinClock);
    clock_->setDateTime(QDateTime::fromMSecsSinceEpoch(settings_.pinnedClockMs, QTimeZone::UTC));
    clock_->setEnabled(settings_.pinClock);
    loading_ = false;
    fillProfiles();
    updateRouting();
}

void SettingsDialog::commit()
{
    updateRouting();
    emit settingsChanged(settings_);
}

void SettingsDialog::updateRouting()
{
    const QList<EndpointRoute> rows = endpointRoutes(settings_.flags);
    routing_->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        routing_->setItem(i, 0, new QTableWidgetItem(rows.at(i).endpoint));
        routing_->setItem(i, 1, new QTableWidgetItem(rows.at(i).engine));
    }
    // The six endpoints are always all visible, as in the deployment plan.
    int height = routing_->horizontalHeader()->sizeHint().height() + 2 * routing_->frameWidth();
    for (int i = 0; i < routing_->rowCount(); ++i)
        height += routing_->rowHeight(i);
    routing_->setMinimumHeight(height);
}

void SettingsDialog::fillProfiles()
{
    profiles_->clear();
    const auto all = builtInProfiles() + settings_.userProfiles;
    int current = -1;
    for (int i = 0; i < all.size(); ++i) {
        profiles_->addItem(displayName(all.at(i)), i);
        if (current < 0 && all.at(i).flags == settings_.flags)
            current = i;
    }
    profiles_->setCurrentIndex(current);
    deleteProfile_->setEnabled(!settings_.userProfiles.isEmpty());
}

void SettingsDialog::applyProfile(int index)
{
    const auto all = builtInProfiles() + settings_.userProfiles;
    const int profile = profiles_->itemData(index).toInt();
    if (profile < 0 || profile >= all.size())
        return;
    settings_.flags = all.at(profile).flags;
    loading_ = true;
    for (const mdsl::Flag flag : mdsl::kAllFlags)
        flagBoxes_.at(flag)->setChecked(settings_.flags.get(flag));
    loading_ = false;
    commit();
}

void SettingsDialog::saveProfile()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save Profile"), tr("Profile name:"), QLineEdit::Normal,
                                               QString(), &ok).trimmed();
    if (!ok || name.isEmpty())
        return;
    bool replaced = false;
    for (FlagProfile& p : settings_.userProfiles) {
        if (p.name == name) {
            p.flags = settings_.flags;
            replaced = true;
        }
    }
    if (!replaced)
        settings_.userProfiles.append({name, settings_.flags, false});
    fillProfiles();
    commit();
}

void SettingsDialog::deleteProfile()
{
    const int profile = profiles_->currentData().toInt() - int(builtInProfiles().size());
    if (profile < 0 || profile >= settings_.userProfiles.size())
        return;
    settings_.userProfiles.removeAt(profile);
    fillProfiles();
    commit();
}

bool SettingsDialog::importFlags(const QString& path)
{
    const FlagFileResult result = readFlagFile(path);
    QStringList lines = result.messages;
    if (!result.ok) {
        lines.prepend(tr("The flag file was not imported:"));
        messages_->setPlainText(lines.join(QLatin1Char('\n')));
        return false;
    }
    lines.prepend(tr("Imported %1.").arg(QDir::toNativeSeparators(path)));
    messages_->setPlainText(lines.join(QLatin1Char('\n')));
    settings_.flags = result.flags;
    loading_ = true;
    for (const mdsl::Flag flag : mdsl::kAllFlags)
        flagBoxes_.at(flag)->setChecked(settings_.flags.get(flag));
    loading_ = false;
    fillProfiles();
    commit();
    return true;
}

bool SettingsDialog::exportFlags(const QString& path)
{
    const QString error = writeFlagFile(path, settings_.flags);
    messages_->setPlainText(error.isEmpty() ? tr("Exported %1.").arg(QDir::toNativeSeparators(path))
                                       : tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), error));
    return error.isEmpty();
}

QString SettingsDialog::chooseImportFile(QWidget* parent)
{
    return chooseFileToOpen(parent, tr("Import Flag File"), QString(), tr("YAML files (*.yaml *.yml);;All files (*)"));
}

QString SettingsDialog::chooseExportFile(QWidget* parent)
{
    return chooseFileToSave(parent, tr("Export Flag File"), QString(), QStringLiteral("flags.yaml"),
                            tr("YAML files (*.yaml *.yml);;All files (*)"));
}

QString SettingsDialog::importMessages() const
{
    return messages_->toPlainText();
}

void SettingsDialog::reject()
{
    // Cancel undoes what was applied live.
    if (!(settings_ == original_)) {
        settings_ = original_;
        emit settingsChanged(settings_);
    }
    QDialog::reject();
}

void SettingsDialog::retranslate()
{
    setWindowTitle(tr("Settings"));
    tabs_->setTabText(0, tr("Feature Flags"));
    tabs_->setTabText(1, tr("Editor"));
    tabs_->setTabText(2, tr("Preview"));
    tabs_->setTabText(3, ServiceSettingsPage::title());
    profileLabel_->setText(tr("Profile:"));
    profiles_->setPlaceholderText(tr("(custom)"));
    saveProfile_->setText(tr("Save as Profile…"));
    deleteProfile_->setText(tr("Delete Profile"));
    rolloutTitle_->setText(tr("<b>Rollout</b>"));
    featuresTitle_->setText(tr("<b>V2 features</b>"));
    for (const auto& [flag, label] : flagDescriptions_)
        label->setText(flagDescription(flag));
    import_->setText(tr("Import Flag File…"));
    export_->setText(tr("Export Flag File…"));
    routingTitle_->setText(tr("<b>Routing of production's endpoints under these flags</b>"));
    routing_->setHorizontalHeaderLabels({tr("Endpoint"), tr("Engine")});
    themeLabel_->setText(tr("Theme:"));
    theme_->setItemText(0, tr("Follow the desktop"));
    theme_->setItemText(1, tr("Light"));
    theme_->setItemText(2, tr("Dark"));
    fontLabel_->setText(tr("Font:"));
    languageLabel_->setText(tr("Interface language:"));
    language_->setItemText(0, tr("System language"));
    autoRun_->setText(tr("Run the preview automatically after edits"));
    delayLabel_->setText(tr("Delay after the last edit:"));
    pinClock_->setText(tr("Pin the clock of now() to:"));
    const int profile = profiles_->currentIndex();
    fillProfiles();
    profiles_->setCurrentIndex(profile);
    updateRouting();
}

void SettingsDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace studio
