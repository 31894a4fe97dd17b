#include "query/display_width.h"

#include <cstdint>
#include <limits>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace kg {

namespace {

int CodePointWidth(UChar32 c) {
  if (c < 0) return 1;  // invalid byte: shown as one replacement character
  int8_t category = u_charType(c);
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR ||
      category == U_CONTROL_CHAR) {
    return 0;
  }
  if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) return 0;
  int east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH ? 2 : 1;
}

}  // namespace

size_t DisplayWidthOfPrefix(std::string_view utf8, size_t code_points) {
  size_t width = 0;
  int32_t i = 0;
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t length = static_cast<int32_t>(std::min<size_t>(utf8.size(), std::numeric_limits<int32_t>::max()));
  for (size_t n = 0; n < code_points && i < length; ++n) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    width += CodePointWidth(c);
  }
  return width;
}

size_t DisplayWidth(std::string_view utf8) { return DisplayWidthOfPrefix(utf8, utf8.size()); }

}  // namespace kg
