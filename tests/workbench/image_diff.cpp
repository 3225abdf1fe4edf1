// Compares a screenshot with a golden image: counts the pixels whose colour differs by more
// than a per-channel threshold, and fails when more than the allowed number differ (or the
// sizes differ). Writes a diff image (differing pixels in red) when asked.
//
//   workbench_image_diff GOLDEN.png ACTUAL.png [--threshold N] [--max-pixels N] [--diff OUT.png]
#include <stb_image.h>
#include <stb_image_write.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr,
                 "usage: workbench_image_diff GOLDEN.png ACTUAL.png [--threshold N] "
                 "[--max-pixels N] [--diff OUT.png]\n");
    return 2;
  }
  int threshold = 16;
  long max_pixels = 0;
  std::string diff_path;
  for (int i = 3; i + 1 < argc; i += 2) {
    const std::string arg = argv[i];
    if (arg == "--threshold")
      threshold = std::atoi(argv[i + 1]);
    else if (arg == "--max-pixels")
      max_pixels = std::atol(argv[i + 1]);
    else if (arg == "--diff")
      diff_path = argv[i + 1];
    else
      return 2;
  }
  int gw = 0, gh = 0, aw = 0, ah = 0, channels = 0;
  unsigned char* golden = stbi_load(argv[1], &gw, &gh, &channels, 4);
  unsigned char* actual = stbi_load(argv[2], &aw, &ah, &channels, 4);
  if (golden == nullptr || actual == nullptr) {
    std::fprintf(stderr, "image_diff: cannot read %s\n", golden == nullptr ? argv[1] : argv[2]);
    return 2;
  }
  if (gw != aw || gh != ah) {
    std::fprintf(stderr, "image_diff: size %dx%d, golden %dx%d\n", aw, ah, gw, gh);
    return 1;
  }
  long differing = 0;
  std::vector<unsigned char> diff(static_cast<size_t>(gw) * gh * 4);
  for (long p = 0; p < static_cast<long>(gw) * gh; ++p) {
    bool differs = false;
    for (int c = 0; c < 3; ++c)
      differs |= std::abs(int(golden[p * 4 + c]) - int(actual[p * 4 + c])) > threshold;
    differing += differs;
    // Differences in red over a faded copy of the golden image.
    for (int c = 0; c < 3; ++c)
      diff[p * 4 + c] = differs ? (c == 0 ? 255 : 0) : 128 + golden[p * 4 + c] / 2;
    diff[p * 4 + 3] = 255;
  }
  if (!diff_path.empty()) stbi_write_png(diff_path.c_str(), gw, gh, 4, diff.data(), gw * 4);
  stbi_image_free(golden);
  stbi_image_free(actual);
  std::printf("image_diff: %ld of %ld pixels differ (threshold %d, allowed %ld)\n", differing,
              static_cast<long>(gw) * gh, threshold, max_pixels);
  return differing <= max_pixels ? 0 : 1;
}
