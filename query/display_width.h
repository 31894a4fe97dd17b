// How many terminal columns UTF-8 text takes: East Asian wide and fullwidth
// characters take two, combining marks and other zero-width characters none
// (so Devanagari matras and viramas do not push a column out of line).
#ifndef KG_QUERY_DISPLAY_WIDTH_H_
#define KG_QUERY_DISPLAY_WIDTH_H_

#include <cstddef>
#include <string_view>

namespace kg {

size_t DisplayWidth(std::string_view utf8);

// Display width of the first `code_points` code points of `utf8`.
size_t DisplayWidthOfPrefix(std::string_view utf8, size_t code_points);

}  // namespace kg

#endif  // KG_QUERY_DISPLAY_WIDTH_H_
