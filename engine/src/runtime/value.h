#pragma once
// Internal: the runtime value of both engines — a JSON value or *missing* (docs/engines.md,
// "Values and *missing*"). A value read from the input is borrowed (a pointer into the input or into a
// longer-lived value), never copied; a value computed by an operator or a function is owned.

#include "mdsl/json.h"

#include <cstdint>
#include <new>
#include <utility>

namespace mdsl::rt {

class Value {
public:
    /// Missing.
    Value() noexcept {}
    ~Value()
    {
        if (state_ == State::Owned)
            owned_.~Json();
    }
    Value(const Value& other) : state_(other.state_), ref_(other.ref_)
    {
        if (state_ == State::Owned)
            new (&owned_) Json(other.owned_);
    }
    Value(Value&& other) noexcept : state_(other.state_), ref_(other.ref_)
    {
        if (state_ == State::Owned)
            new (&owned_) Json(std::move(other.owned_));
    }
    Value& operator=(const Value& other)
    {
        if (this != &other)
            *this = Value(other);
        return *this;
    }
    Value& operator=(Value&& other) noexcept
    {
        if (this == &other)
            return *this;
        if (state_ == State::Owned && other.state_ == State::Owned) {
            owned_ = std::move(other.owned_);
        } else {
            if (state_ == State::Owned)
                owned_.~Json();
            if (other.state_ == State::Owned)
                new (&owned_) Json(std::move(other.owned_));
            state_ = other.state_;
        }
        ref_ = other.ref_;
        return *this;
    }

    static Value missing() noexcept { return {}; }
    /// A value that lives elsewhere (the input, a table, a `let`) for longer than this one.
    static Value borrow(const Json& json) noexcept
    {
        Value v;
        v.state_ = State::Borrowed;
        v.ref_ = &json;
        return v;
    }
    static Value own(Json json) noexcept
    {
        Value v;
        v.state_ = State::Owned;
        new (&v.owned_) Json(std::move(json));
        return v;
    }

    [[nodiscard]] bool isMissing() const noexcept { return state_ == State::Missing; }
    [[nodiscard]] bool isOwned() const noexcept { return state_ == State::Owned; }
    /// The JSON value; must not be called on missing.
    [[nodiscard]] const Json& json() const noexcept { return state_ == State::Borrowed ? *ref_ : owned_; }
    [[nodiscard]] bool isNull() const noexcept { return !isMissing() && json().is_null(); }
    [[nodiscard]] bool isMissingOrNull() const noexcept { return isMissing() || json().is_null(); }

    /// The JSON value for keeping: moved out when owned, copied when borrowed.
    [[nodiscard]] Json take() &&
    {
        return state_ == State::Borrowed ? Json(*ref_) : std::move(owned_);
    }

    /// A part of this value (an element or a member) as a value of its own: borrowed when this
    /// one is borrowed, else copied, because an owned value dies with its holder.
    [[nodiscard]] Value part(const Json& member) const
    {
        return state_ == State::Borrowed ? borrow(member) : own(member);
    }

private:
    enum class State : std::uint8_t { Missing, Borrowed, Owned };
    State state_ = State::Missing;
    const Json* ref_ = nullptr;
    // Constructed only when owned: most values are borrowed or missing, and a Json member
    // would cost a destructor call (out of line in the library) for each of them.
    union {
        Json owned_;
    };
};

} // namespace mdsl::rt
