#include "mdsl/version.h"

namespace mdsl {

std::string_view engineVersion() noexcept
{
    return MDSL_ENGINE_VERSION;
}

} // namespace mdsl
