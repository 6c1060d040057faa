#pragma once
// A mapping's workspace: what the studio keeps beside a mapping file so that it opens as it was
// left — its named sample inputs (which one is shown), the file its preview's V1 side is pinned
// to, its breakpoints and the debugger's watches. One small JSON file, "orders.workspace.json" beside "orders.mdsl",
// versioned and written atomically (docs/studio.md, "A mapping's workspace"):
//
//   {"mappingStudioWorkspace": 1, "current": 0,
//    "samples": [{"name": "orders", "file": "orders.input.json"},
//                {"name": "empty cart", "text": "{\"items\": []}"}],
//    "pinnedV1": "orders-v1.mdsl",
//    "breakpoints": [{"line": 12, "condition": ".qty > 5"}],
//    "watches": [".qty * .price", "order.id"]}
//
// Paths are relative to the mapping's folder. A sample is kept inline ("text") unless it is a
// file's unchanged content ("file"); an inline sample too large for a small file is written to a
// file of its own beside the mapping ("orders.big.input.json") and referred to.

#include "debugbreakpoint.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace studio {

struct SampleInput {
    QString name;
    QString file;   ///< absolute path of the file it is the content of (empty: typed, inline)
    QString text;   ///< its text; for a file, filled when it was read
    bool loaded = false;   ///< `text` holds the content (a file sample is read when shown)
};

struct Workspace {
    static constexpr int kVersion = 1;
    QList<SampleInput> samples;
    int current = 0;   ///< index of the sample shown
    QString pinnedV1;  ///< absolute path of the mapping the V1 side runs (empty: not pinned)
    QList<DebugBreakpoint> breakpoints;
    QStringList watches;   ///< the debugger's watch expressions, in order (absent in older files: none)
};

/// "dir/orders.mdsl" -> "dir/orders.workspace.json".
QString workspacePathFor(const QString& mappingPath);
/// "dir/orders.mdsl" -> "dir/orders.input.json", the sample a mapping comes with.
QString inputPathFor(const QString& mappingPath);

/// Reads the workspace of a mapping. nullopt with `error` empty: there is none; with `error`:
/// it cannot be used (unreadable, not JSON, a newer version), and why, with a position.
std::optional<Workspace> readWorkspace(const QString& mappingPath, QString* error);

/// Writes the workspace of a mapping atomically. A large inline sample is first written to a
/// file of its own, which it refers to from then on (its `file` is set).
bool writeWorkspace(const QString& mappingPath, Workspace& workspace, QString* error);

/// Inline samples larger than this go to a file of their own.
inline constexpr qsizetype kInlineSampleLimit = 64 * 1024;

} // namespace studio
