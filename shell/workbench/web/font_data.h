// The web workbench's compiled-in CJK font (generated into the build tree by
// make_font_data.py): a TrueType subset and the characters it covers, as UTF-8.
#pragma once

extern const unsigned int haoban_workbench_font_size;
extern const unsigned char haoban_workbench_font_data[];
extern const char haoban_workbench_font_chars[];
