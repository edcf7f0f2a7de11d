// An action whose success is said in the reader's language. The server's
// answer is one English sentence; everything the sentence says is known here
// (the email or name shown in the row, the role picked), so the dialog words it.
import type { ActionResult, ResultAction } from "@/components/ui/result-dialog";

type Fields = Record<string, FormDataEntryValue>;

export function saidAs(action: ResultAction, say: (fields: Fields) => string, input?: (fields: Fields) => unknown) {
  return async (fields: Fields): Promise<ActionResult> => {
    const result = await action(input ? input(fields) : fields);
    return result.ok ? { ...result, message: say(fields) } : result;
  };
}
