# Third-party targets, the same names for both toolchains.
#   nlohmann_json::nlohmann_json  header-only JSON (Debian's nlohmann-json3-dev 3.11.2)
#   haoban_sqlite3                 the SQLite amalgamation fetched by scripts/fetch-sources.sh
#   httplib::httplib               cpp-httplib (native only)

# nlohmann: under Emscripten, never add /usr/include (glibc headers would leak in);
# link only the nlohmann folder into the build tree and use that as a SYSTEM include.
if(NOT TARGET nlohmann_json::nlohmann_json)
  set(_nl_dir "${CMAKE_BINARY_DIR}/_nlohmann_include")
  if(NOT EXISTS "${_nl_dir}/nlohmann/json.hpp")
    file(MAKE_DIRECTORY "${_nl_dir}")
    file(CREATE_LINK /usr/include/nlohmann "${_nl_dir}/nlohmann" SYMBOLIC)
  endif()
  add_library(nlohmann_json INTERFACE)
  target_include_directories(nlohmann_json SYSTEM INTERFACE "${_nl_dir}")
  add_library(nlohmann_json::nlohmann_json ALIAS nlohmann_json)
endif()

set(_sqlite_dir "${HAOBAN_THIRD_PARTY}/sqlite")
if(NOT EXISTS "${_sqlite_dir}/sqlite3.c")
  message(FATAL_ERROR "SQLite amalgamation missing in ${_sqlite_dir}: run scripts/fetch-sources.sh")
endif()
add_library(haoban_sqlite3 STATIC "${_sqlite_dir}/sqlite3.c")
target_include_directories(haoban_sqlite3 SYSTEM PUBLIC "${_sqlite_dir}")
target_compile_definitions(haoban_sqlite3 PRIVATE
  SQLITE_DQS=0 SQLITE_DEFAULT_MEMSTATUS=0 SQLITE_OMIT_DEPRECATED SQLITE_OMIT_SHARED_CACHE
  SQLITE_OMIT_LOAD_EXTENSION SQLITE_LIKE_DOESNT_MATCH_BLOBS SQLITE_DEFAULT_FOREIGN_KEYS=1)
if(EMSCRIPTEN)
  # No threads in a mini-program; WAL cannot work on IDBFS.
  target_compile_definitions(haoban_sqlite3 PRIVATE SQLITE_THREADSAFE=0 SQLITE_OMIT_WAL)
  target_compile_options(haoban_sqlite3 PRIVATE -Os)
else()
  target_compile_definitions(haoban_sqlite3 PRIVATE SQLITE_THREADSAFE=1)
  find_package(Threads REQUIRED)
  target_link_libraries(haoban_sqlite3 PUBLIC Threads::Threads ${CMAKE_DL_LIBS})
endif()
set_target_properties(haoban_sqlite3 PROPERTIES POSITION_INDEPENDENT_CODE ON)
target_compile_options(haoban_sqlite3 PRIVATE -w)
if(HAOBAN_SANITIZE)
  # SQLite is upstream's tested code; instrumenting its 9 MB amalgamation costs minutes of build
  # and finds nothing of ours. Our callers stay instrumented.
  target_compile_options(haoban_sqlite3 PRIVATE -fno-sanitize=all -g0)
endif()

if(NOT EMSCRIPTEN)
  if(NOT EXISTS /usr/include/httplib.h)
    message(FATAL_ERROR "cpp-httplib missing: run scripts/setup-deps.sh")
  endif()
  # Debian's httplib.h holds declarations only: the code is in libcpp-httplib.so, built with
  # SSL/zlib/brotli support. Its defines change class layouts, so take them from pkg-config.
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(CPP_HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
  add_library(httplib INTERFACE)
  target_link_libraries(httplib INTERFACE PkgConfig::CPP_HTTPLIB Threads::Threads)
  add_library(httplib::httplib ALIAS httplib)
endif()
