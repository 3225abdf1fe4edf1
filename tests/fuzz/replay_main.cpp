// A main() for the fuzz harnesses when libFuzzer is not linked (g++ builds): runs each input
// file named on the command line through LLVMFuzzerTestOneInput once. Arguments starting with
// '-' (libFuzzer flags) are ignored, so ctest can call both kinds of binary the same way.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv) {
  int ran = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string path = argv[i];
    if (path.empty() || path[0] == '-') continue;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "replay: cannot read %s\n", path.c_str());
      return 2;
    }
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    ++ran;
  }
  std::printf("replay: %d input(s) ran without a crash\n", ran);
  return ran > 0 ? 0 : 1;
}
