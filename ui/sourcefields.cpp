// The sample input's fields as the visual mapping lists them (analysis.h), made in a worker
// from the preview's parse of the input: iterative, and bounded in depth, in fields per object
// and in all, so that neither a 10,000-level nor a 50 MB sample gives a tree the window chokes on.

#include "analysis.h"
#include "utf8text.h"

#include "mdsl/fieldpath.h"

#include <algorithm>

namespace studio {

namespace {

constexpr int kMaxMergedElements = 100;   ///< elements of an array read to list its fields
constexpr int kMaxShownDepth = 32;        ///< levels of the sample input listed
constexpr int kMaxFieldsPerObject = 200;  ///< members listed per object; "… N more fields" after
constexpr std::size_t kMaxFields = 5000;  ///< fields listed in all

SourceField::Kind kindOf(const mdsl::Json& value)
{
    switch (value.type()) {
    case mdsl::Json::value_t::object: return SourceField::Kind::Object;
    case mdsl::Json::value_t::array: return SourceField::Kind::Array;
    case mdsl::Json::value_t::string: return SourceField::Kind::String;
    case mdsl::Json::value_t::boolean: return SourceField::Kind::Boolean;
    case mdsl::Json::value_t::null: return SourceField::Kind::Null;
    default: return SourceField::Kind::Number;
    }
}

/// The members of a value: an object's, or those of its array's first elements merged (the
/// first value seen is the sample). `left` gets how many members were not taken.
std::vector<std::pair<std::string, const mdsl::Json*>> membersOf(const mdsl::Json& value, mdsl::FieldPath& field,
                                                                 qsizetype& left)
{
    std::vector<std::pair<std::string, const mdsl::Json*>> members;
    left = 0;
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (members.size() >= std::size_t(kMaxFieldsPerObject))
                break;
            members.emplace_back(it.key(), &it.value());
        }
        left = qsizetype(value.size()) - qsizetype(members.size());
        return members;
    }
    if (!value.is_array())
        return members;
    field.steps.push_back(mdsl::FieldStep::elements());
    int read = 0;
    for (const mdsl::Json& element : value) {
        if (++read > kMaxMergedElements)
            break;
        if (!element.is_object())
            continue;
        for (auto it = element.begin(); it != element.end(); ++it) {
            if (std::none_of(members.begin(), members.end(), [&](const auto& m) { return m.first == it.key(); })) {
                if (members.size() >= std::size_t(kMaxFieldsPerObject)) {
                    ++left;
                    continue;
                }
                members.emplace_back(it.key(), &it.value());
            }
        }
    }
    return members;
}

} // namespace

SourceFields sourceFields(const mdsl::Json& input)
{
    SourceFields out;
    out.empty = false;
    struct Pending {
        int parent;
        const mdsl::Json* value;
        mdsl::FieldPath field;
        int depth;
    };
    std::vector<Pending> pending{{-1, &input, mdsl::FieldPath{}, 0}};
    while (!pending.empty() && out.fields.size() < kMaxFields) {
        Pending next = std::move(pending.back());
        pending.pop_back();
        mdsl::FieldPath container = next.field;
        qsizetype left = 0;
        for (const auto& [key, value] : membersOf(*next.value, container, left)) {
            if (out.fields.size() >= kMaxFields) {
                ++left;
                continue;
            }
            mdsl::FieldPath field = container;
            field.steps.push_back(mdsl::FieldStep::member(key));
            SourceField f;
            f.parent = next.parent;
            f.name = fromStd(key);
            f.path = fromStd(field.text());
            f.kind = kindOf(*value);
            if (value->is_object() || value->is_array()) {
                f.size = qsizetype(value->size());
            } else {
                f.sample = fromStd(value->dump(-1, ' ', false, mdsl::Json::error_handler_t::replace));
                if (f.sample.size() > 48)
                    f.sample = f.sample.left(47) + QStringLiteral("…");
            }
            const int index = int(out.fields.size());
            out.fields.push_back(std::move(f));
            if (!value->is_object() && !value->is_array())
                continue;
            if (next.depth + 1 < kMaxShownDepth) {
                pending.push_back({index, value, std::move(field), next.depth + 1});
            } else if (!value->empty()) {
                SourceField deeper;
                deeper.parent = index;
                deeper.kind = SourceField::Kind::Deeper;
                out.fields.push_back(std::move(deeper));
            }
        }
        if (left > 0) {
            SourceField more;
            more.parent = next.parent;
            more.kind = SourceField::Kind::MoreFields;
            more.size = left;
            out.fields.push_back(std::move(more));
        }
    }
    return out;
}

} // namespace studio
