# Unity builds: each target's sources compiled a batch at a time as one translation unit.
# A clean build of the three presets spends most of its time instantiating the same
# nlohmann::json and GoogleTest templates in every file; batching them cuts that (a folder of
# server tests: 97 s of CPU separately, 20 s as one unit, clang 14 with the sanitizers).
# scripts/build.sh (the README's commands, CI) turns it on; a plain `cmake --preset` leaves it
# off, so that an edit-compile loop recompiles one file, not its batch.
#
# What it asks of the code: names at namespace scope in a .cpp (even in an anonymous
# namespace) must not clash with those of another .cpp of the same target. A clash is a
# compile error, never a silent change, so the build with this on is the check.
option(HAOBAN_UNITY_BUILD "Compile sources in unity batches (faster whole builds)" OFF)

# haoban_unity(<target> <batch size>): batch size 0 puts all of the target's sources in one unit.
function(haoban_unity target batch_size)
  if(HAOBAN_UNITY_BUILD)
    set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE ${batch_size})
  endif()
endfunction()
