#pragma once
// The studio's file dialogs start where the user works: in the open document's folder, else
// in the folder last chosen in one of them (remembered in the settings), else at home; never in
// the process's working directory.

#include <QString>

class QWidget;

namespace studio {

/// The folder a file dialog starts in, for a document at `documentPath` ("" when untitled,
/// ":/…" for an example).
[[nodiscard]] QString dialogFolder(const QString& documentPath = QString());

/// An existing file chosen by the user, or "" when cancelled; its folder is remembered.
[[nodiscard]] QString chooseFileToOpen(QWidget* parent, const QString& caption, const QString& documentPath,
                                       const QString& filter);

/// A file name to write, `suggestedName` offered in the dialog's folder; "" when cancelled.
[[nodiscard]] QString chooseFileToSave(QWidget* parent, const QString& caption, const QString& documentPath,
                                       const QString& suggestedName, const QString& filter);

} // namespace studio
