// Monaco boxes "ambiguous" characters as possible look-alikes, which in a film review's text means
// every en dash and curly quote ("Review – Her"). They are the publication's punctuation, not a
// trick, so the IDE's editors show them plainly.
import { useEffect } from 'react';
import { useMonaco } from '@graphiql/react';

const options = { unicodeHighlight: { ambiguousCharacters: false } };

export function PlainPunctuation() {
  const monaco = useMonaco((state) => state.monaco);
  useEffect(() => {
    if (!monaco) return undefined;
    for (const editor of monaco.editor.getEditors()) editor.updateOptions(options);
    const created = monaco.editor.onDidCreateEditor((editor) => editor.updateOptions(options));
    return () => created.dispose();
  }, [monaco]);
  return null;
}
