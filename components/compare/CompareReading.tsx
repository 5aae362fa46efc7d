// What the numbers show, in plain words: the server draws each sentence from the figures themselves.
export function CompareReading({ reading }: { reading: string[] | null }) {
  return (
    <section className="compare-reading" aria-labelledby="reading-heading">
      <h3 id="reading-heading">What the numbers show</h3>
      {reading === null && <p className="muted small">Reading the figures…</p>}
      {reading && reading.length === 0 && <p className="muted small">Not enough measured yet: start traffic on both stacks.</p>}
      {reading && reading.length > 0 && (
        <ul aria-live="polite">
          {reading.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
