# The per-keystroke path of the wasm module at -O2 with inlining, the rest at -Os (the preset's
# MinSizeRel). For -Os, emcc 3.1.6 passes clang -fno-inline-functions (inlining is left to
# wasm-opt at link, which inlines little), so libc++'s and nlohmann's one-line members stay
# calls (std::string::size(), __is_long(), every map key compare): a formSet in wasm was 5-10x
# its native time, much of it in such calls. A later -O2 alone does not undo that flag, hence
# -finline-functions. Measured in bench/form/README.md (2026-11-28): the whole core at -O2 halves
# formSet and validate-all again but leaves the module without SQLite at 98 % of its 350 KB
# brotli budget; these modules alone are the hot path. The search module joined them for the
# per-keystroke search box: 0.8-2.3 ms a query in wasm at -Os, 0.2-0.8 ms at -O2, for +1 KB
# brotli (bench/README.md, catalogue section).
set(_haoban_hot_modules form expr ids text search)
# The catalogue load's scanner (validating every byte of a 41 MB catalogue and building the item
# metadata's JSON): alone, not the whole catalog module, whose loader and form compiler would
# cost ~22 KB brotli (measured: the module without SQLite 304 -> 326 KiB, 93 % of its budget).
set(_haoban_hot_files catalog/json_scan catalog/json_build catalog/lazy_document)
set(_haoban_hot_sources)
foreach(_module IN LISTS _haoban_hot_modules)
  file(GLOB _sources CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/core/haoban/${_module}/*.cpp")
  list(APPEND _haoban_hot_sources ${_sources})
endforeach()
foreach(_file IN LISTS _haoban_hot_files)
  list(APPEND _haoban_hot_sources "${CMAKE_SOURCE_DIR}/core/haoban/${_file}.cpp")
endforeach()
# Properties of core's sources live in core's directory scope (CMake >= 3.18: DIRECTORY).
set_source_files_properties(${_haoban_hot_sources} DIRECTORY "${CMAKE_SOURCE_DIR}/core"
  PROPERTIES COMPILE_OPTIONS "-O2;-finline-functions")
# The expression bindings: evaluateOn per rule (handle lookups, the result record).
set_source_files_properties("${CMAKE_SOURCE_DIR}/wasm/bindings/form_bindings.cpp"
  "${CMAKE_SOURCE_DIR}/wasm/bindings/expr_bindings.cpp"
  "${CMAKE_SOURCE_DIR}/wasm/bindings/expr_data_bindings.cpp"
  DIRECTORY "${CMAKE_SOURCE_DIR}/wasm" PROPERTIES COMPILE_OPTIONS "-O2;-finline-functions")
