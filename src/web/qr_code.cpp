#include "web/qr_code.h"

#include "web/error_response.h"

#include <qrencode.h>

#include <memory>
#include <stdexcept>

namespace cadence::web {

std::string qr_code_svg(std::string_view text, int pixels) {
  const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString(std::string(text).c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
  if (!code) throw std::runtime_error("a QR code cannot hold this text");
  const int width = code->width;
  const int size = width + 8;
  // One path of unit squares: a few hundred bytes per row, not an element per module.
  std::string path;
  for (int y = 0; y < width; ++y)
    for (int x = 0; x < width; ++x)
      if (code->data[y * width + x] & 1) path += "M" + std::to_string(x + 4) + " " + std::to_string(y + 4) + "h1v1h-1z";
  return "<svg class=\"qr\" role=\"img\" aria-label=\"" + html_escape(text) + "\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
         std::to_string(size) + " " + std::to_string(size) + "\" width=\"" + std::to_string(pixels) + "\" height=\"" +
         std::to_string(pixels) + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"" +
         path + "\" fill=\"#000\"/></svg>";
}

}  // namespace cadence::web
