// What went wrong with the last action, in the sandbox's own words, announced to screen readers; nothing when all is well.
export function ActionError({ error }: { error: string | null | undefined }) {
  if (!error) return null;
  return (
    <p className="op-error" role="alert">
      {error}
    </p>
  );
}
