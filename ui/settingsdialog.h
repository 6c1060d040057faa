#pragma once
// The settings: the seven production flags under their production names, grouped (rollout;
// V2 features), with the routing of each endpoint updated as they change; import and export
// of the production flag file; named profiles; editor theme and font; interface language;
// preview behaviour. Changes apply at once (settingsChanged); Cancel restores what was there.

#include "studiosettings.h"

#include <QDialog>

#include <map>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QFontComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;

namespace studio {

class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    explicit SettingsDialog(const StudioSettings& settings, QWidget* parent = nullptr);

    [[nodiscard]] const StudioSettings& settings() const { return settings_; }
    [[nodiscard]] QCheckBox* flagBox(mdsl::Flag flag) const { return flagBoxes_.at(flag); }
    [[nodiscard]] QTableWidget* routingTable() const { return routing_; }
    [[nodiscard]] QComboBox* profileBox() const { return profiles_; }
    [[nodiscard]] QComboBox* themeBox() const { return theme_; }
    [[nodiscard]] QComboBox* languageBox() const { return language_; }
    /// Imports a flag file as if chosen in the dialog; returns false (and says why) on errors.
    bool importFlags(const QString& path);
    /// Exports the current flags; returns false (and says why) when it cannot write.
    bool exportFlags(const QString& path);
    /// Asks for a flag file to import / a place to export to ("" when cancelled).
    static QString chooseImportFile(QWidget* parent);
    static QString chooseExportFile(QWidget* parent);
    /// What the last import or export said, as shown.
    [[nodiscard]] QString importMessages() const;

signals:
    void settingsChanged(const studio::StudioSettings& settings);

public slots:
    void reject() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* makeFlagsPage();
    QWidget* makeEditorPage();
    QWidget* makePreviewPage();
    void retranslate();
    void loadFromSettings();
    void commit();
    void updateRouting();
    void fillProfiles();
    void applyProfile(int index);
    void saveProfile();
    void deleteProfile();

    StudioSettings original_;
    StudioSettings settings_;
    bool loading_ = false;

    std::map<mdsl::Flag, QCheckBox*> flagBoxes_;
    std::map<mdsl::Flag, QLabel*> flagDescriptions_;
    QLabel* rolloutTitle_ = nullptr;
    QLabel* featuresTitle_ = nullptr;
    QLabel* routingTitle_ = nullptr;
    QTableWidget* routing_ = nullptr;
    QLabel* profileLabel_ = nullptr;
    QComboBox* profiles_ = nullptr;
    QPushButton* saveProfile_ = nullptr;
    QPushButton* deleteProfile_ = nullptr;
    QPushButton* import_ = nullptr;
    QPushButton* export_ = nullptr;
    QPlainTextEdit* messages_ = nullptr;   ///< import/export messages, in a box of fixed height

    QLabel* themeLabel_ = nullptr;
    QComboBox* theme_ = nullptr;
    QLabel* fontLabel_ = nullptr;
    QFontComboBox* font_ = nullptr;
    QSpinBox* fontSize_ = nullptr;
    QLabel* languageLabel_ = nullptr;
    QComboBox* language_ = nullptr;

    QCheckBox* autoRun_ = nullptr;
    QLabel* delayLabel_ = nullptr;
    QSpinBox* delay_ = nullptr;
    QCheckBox* pinClock_ = nullptr;
    QDateTimeEdit* clock_ = nullptr;

    QTabWidget* tabs_ = nullptr;
    QDialogButtonBox* buttons_ = nullptr;
};

} // namespace studio
