#include "mail/rfc2047.h"

#include <Poco/Base64Decoder.h>
#include <gtest/gtest.h>

#include <sstream>
#include <vector>

namespace cadence::mail {
namespace {

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find("\r\n", start)) != std::string::npos; start = end + 2)
    out.push_back(text.substr(start, end - start));
  out.push_back(text.substr(start));
  return out;
}

std::string decode_word(std::string word) {
  if (word.starts_with(' ')) word.erase(0, 1);
  EXPECT_TRUE(word.starts_with("=?UTF-8?B?") && word.ends_with("?=")) << word;
  std::istringstream in(word.substr(10, word.size() - 12));
  Poco::Base64Decoder decoder(in);
  return std::string(std::istreambuf_iterator<char>(decoder), {});
}

bool whole_utf8(const std::string& bytes) {
  for (std::size_t i = 0; i < bytes.size();) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    const std::size_t n = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    if (n == 0 || i + n > bytes.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(bytes[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

TEST(Rfc2047Test, ChineseIsCutOnlyBetweenCharactersAndLinesStayShort) {
  const std::string subject = "【提醒】城关镇第七支部 2026年5月学习会还未召开，请在5月25日前安排妥当";
  const std::string encoded = encoded_words(subject, 9);
  const auto words = lines(encoded);
  ASSERT_GT(words.size(), 2u);
  std::string joined;
  for (std::size_t i = 0; i < words.size(); ++i) {
    EXPECT_LE(words[i].size() + (i == 0 ? 9 : 0), 76u) << words[i];
    const std::string bytes = decode_word(words[i]);
    EXPECT_TRUE(whole_utf8(bytes)) << "word " << i << " cuts a character";
    joined += bytes;
  }
  EXPECT_EQ(joined, subject);
}

TEST(Rfc2047Test, FourByteCharactersStayWhole) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "\xF0\x9F\x93\x85";  // U+1F4C5 CALENDAR
  std::string joined;
  for (const auto& word : lines(encoded_words(text, 30))) {
    const std::string bytes = decode_word(word);
    EXPECT_TRUE(whole_utf8(bytes));
    joined += bytes;
  }
  EXPECT_EQ(joined, text);
}

TEST(Rfc2047Test, EmptyTextIsOneEmptyWord) { EXPECT_EQ(encoded_words("", 9), "=?UTF-8?B?" "?="); }

TEST(Rfc2047Test, WhatNeedsEncoding) {
  EXPECT_FALSE(needs_encoded_words("Monthly digest: 3 units behind"));
  EXPECT_TRUE(needs_encoded_words("学习会"));
  EXPECT_TRUE(needs_encoded_words("looks like =?UTF-8?B?x?="));
  EXPECT_TRUE(needs_encoded_words("tab\there"));
}

}  // namespace
}  // namespace cadence::mail
