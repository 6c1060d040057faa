#pragma once
// Signature help: while the arguments of a catalog function are typed, its signature shows
// under the cursor with the parameter being typed in bold. The call is found by a bounded scan
// of the text before the cursor that skips strings, comments and nested brackets.

#include <QLabel>

#include <optional>

namespace studio {

/// The innermost call whose '(' is open before a position: the name before the '(' and the
/// 0-based index of the argument being typed (commas at the call's own level).
struct OpenCall {
    QString name;
    int argument = 0;
};

/// The open call at the end of `before` (the text before the cursor); none when the cursor is
/// not inside the parentheses of a call.
[[nodiscard]] std::optional<OpenCall> openCallAt(const QString& before);

/// The catalog's signatures of `name` (one line per overload) as rich text, the parameter of
/// index `argument` in bold; empty when `name` is no catalog function.
[[nodiscard]] QString signatureHelpHtml(const QString& name, int argument);

/// The catalog's one-line summary of the function `name`; empty when none.
[[nodiscard]] QString functionSummary(const QString& name);

/// The label that shows signature help inside the editor, above the text.
class SignatureHelp : public QLabel {
    Q_OBJECT

public:
    explicit SignatureHelp(QWidget* parent);
    /// The parameter shown in bold, as plain text ("digits?: integer"); empty when none.
    [[nodiscard]] QString activeParameter() const { return active_; }
    /// Shows the call's signature at `anchor` (the cursor rectangle, in the parent's
    /// coordinates), above it when there is room, else below; hides when `call` is none or
    /// names no catalog function.
    void showFor(const std::optional<OpenCall>& call, const QRect& anchor);

private:
    QString active_;
};

} // namespace studio
