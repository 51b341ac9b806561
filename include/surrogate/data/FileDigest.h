#pragma once
// The SHA-256 of an input file, as a dataset's manifest records it for each
// block, measured and table file, so a resumed or merged dataset is known to
// come from the same bytes.

#include <string>

namespace surrogate::data {

/// SHA-256 of a file's bytes as hex; throws support::InputError if unreadable.
std::string sha256File(const std::string &path);

} // namespace surrogate::data
