// Content types for the files the stub serves. Browsers refuse ES modules without a
// JavaScript type and refuse streaming wasm compilation without application/wasm.
#pragma once

#include <string_view>

namespace haoban::http {

// By file name extension (case-insensitive); application/octet-stream when unknown.
std::string_view mime_type_for(std::string_view file_name);

}  // namespace haoban::http
