// Counts the results in a JUnit file written by `ctest --output-junit` and prints
// "<passed> <failed> <skipped>" on one line, for scripts/test.sh.
//
// Why not trust the <testsuite> attributes: ctest files a test whose executable is missing
// under status="notrun" with <skipped message="Unable to find executable">, yet ctest itself
// counts it as failed. A test that could not even start is a failure here too.
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node count-ctest-junit.mjs <ctest-junit.xml>');
  process.exit(2);
}
const xml = readFileSync(file, 'utf8');

let passed = 0;
let failed = 0;
let skipped = 0;
// Each <testcase ...>...</testcase> (or self-closed) element, with its body.
const testcase = /<testcase\b([^>]*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g;
for (const [, attrs, body = ''] of xml.matchAll(testcase)) {
  const status = /\bstatus="([^"]*)"/.exec(attrs)?.[1] ?? '';
  if (status === 'run') {
    passed++;
  } else if (status === 'fail') {
    failed++;
  } else if (status === 'notrun' && /Unable to find executable|Could not find executable/.test(body)) {
    failed++;
  } else {
    // notrun through SKIP_RETURN_CODE / SKIP_REGULAR_EXPRESSION (GTEST_SKIP), or disabled.
    skipped++;
  }
}
console.log(`${passed} ${failed} ${skipped}`);
