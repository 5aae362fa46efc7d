// How the Compare screen writes its figures: units a person reads, and a dash for what was not measured.

export const formatMs = (value: number | null | undefined): string => (value === null || value === undefined ? "–" : value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`);

export const formatPercent = (share: number | null | undefined): string => {
  if (share === null || share === undefined) return "–";
  const percent = share * 100;
  return percent === 0 ? "0 %" : percent < 1 ? `${percent.toFixed(2)} %` : `${percent.toFixed(1)} %`;
};

export const formatRps = (value: number | null | undefined): string => (value === null || value === undefined ? "–" : `${value < 10 ? value.toFixed(1) : Math.round(value)}/s`);

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return "–";
  const mb = bytes / (1024 * 1024);
  return mb >= 1024 ? `${(mb / 1024).toFixed(2)} GB` : `${Math.round(mb)} MB`;
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "–";
  return ms < 1_000 ? `${Math.round(ms)} ms` : `${(ms / 1_000).toFixed(1)} s`;
}
