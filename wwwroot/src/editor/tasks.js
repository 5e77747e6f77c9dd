// Markdown task lines (`- [ ] …`) as the editor sees them, in UTF-16 offsets.

/** UTF-16 offsets of the mark inside `[ ]` of every Markdown task line outside code fences. */
export function taskMarks(text) {
  const marks = [];
  let offset = 0;
  let fence = false;
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    else if (!fence) {
      const m = /^([ \t]*(?:[-*+]|\d+[.)])[ \t]+\[)[ xX]\][ \t]+\S/.exec(line);
      if (m) marks.push(offset + m[1].length);
    }
    offset += line.length + 1;
  }
  return marks;
}
