#pragma once
// A QR code as inline SVG (libqrencode), so a secretary subscribes to a feed by pointing a phone
// at the page: no image file, no script, nothing fetched from elsewhere.
#include <string>
#include <string_view>

namespace cadence::web {

// The code of `text` (error correction M), each module one unit of a viewBox with a 4-module
// quiet zone, drawn `pixels` wide. Throws std::runtime_error if the text does not fit a QR code.
std::string qr_code_svg(std::string_view text, int pixels);

}  // namespace cadence::web
