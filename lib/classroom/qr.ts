// The audience link as a QR code, drawn on the server as SVG: big and plain enough to scan from the back of a room.
import QRCode from "qrcode";

/** Black on white whatever the theme (a scanner needs the contrast), with the quiet zone the standard asks for. */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 4, color: { dark: "#000000", light: "#ffffff" } });
}
