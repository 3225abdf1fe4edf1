// A DOM id for a field path ("familyMembers[2].memberName" in item x → "f-x-familyMembers-2-memberName"),
// so that the error summary can link to it.
export function domId(item, path) {
  return `f-${item}-${path}`.replace(/[^A-Za-z0-9_-]+/g, '-');
}
