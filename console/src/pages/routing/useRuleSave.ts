import { useState } from 'react';
import type { RuleSpec } from '../../components/RuleEditor';
import { describeError } from '../../errors';

/** Saves one rule and keeps the server's field errors for the editor. */
export function useRuleSave(save: (spec: RuleSpec) => Promise<{ error?: unknown }>, onSaved: () => void) {
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  async function submit(spec: RuleSpec) {
    setSaving(true);
    setError(null);
    const result = await save(spec);
    setSaving(false);
    if (result.error) setError(result.error);
    else onSaved();
  }
  return { error, saving, fields: error ? describeError(error).fields : {}, submit };
}
