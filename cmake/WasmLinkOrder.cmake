# haoban_wasm_hot_first(<target>): the wasm hot path's objects (cmake/WasmHotPath.cmake's
# modules, compiled at -O2 -finline-functions) first on <target>'s link line.
#
# Why: every object carries its own copy of each template it uses (std::map<std::string, json>
# ::find, std::string's members, nlohmann's accessors), and wasm-ld keeps the first copy it
# loads. Linked only through the archive, the copies that won came from -Os objects (the
# bindings ahead of form_bindings, catalog), compiled with -fno-inline-functions, so the -O2
# evaluator and session still made a call per string compare and per size(). First on the
# line, the hot path's inlined copies win: formSet p50 in wasm 7.3/35/28/50 -> 5.0/23/23/26 us
# (text / 9-step chain / switch / group cell); brotli +4 KB with SQLite, -2 KB without (bench/form/README.md,
# 2026-11-28). The archive's members for these sources are then never pulled: nothing they
# define is left undefined. Unity builds leave these sources as objects of their own (CMake
# keeps a source with its own COMPILE_OPTIONS out of the batches), so the filter finds them.
# Needs _haoban_hot_modules from cmake/WasmHotPath.cmake (included first).
string(JOIN "|" _haoban_hot_regex ${_haoban_hot_modules})
string(JOIN "|" _haoban_hot_file_regex ${_haoban_hot_files})
set(HAOBAN_WASM_HOT_OBJECTS
  "$<FILTER:$<TARGET_OBJECTS:haoban_core>,INCLUDE,/haoban/((${_haoban_hot_regex})/[^/]*|(${_haoban_hot_file_regex})\.cpp\.o)$>")

function(haoban_wasm_hot_first target)
  target_sources(${target} PRIVATE "${HAOBAN_WASM_HOT_OBJECTS}")
endfunction()
