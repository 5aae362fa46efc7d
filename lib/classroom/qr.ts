// The audience link as a QR code, drawn on the server as SVG: big and plain enough to scan from the back of a room.
// The library is loaded at the first code drawn: only a classroom draws one, and every start paid for loading it.

/** Black on white whatever the theme (a scanner needs the contrast), with the quiet zone the standard asks for. */
export async function qrSvg(text: string): Promise<string> {
  const { default: QRCode } = await import("qrcode");
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 4, color: { dark: "#000000", light: "#ffffff" } });
}
