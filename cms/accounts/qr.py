"""A QR code as an SVG data URI, drawn with reportlab (already a dependency for certificates)."""

import base64

from reportlab.graphics import renderSVG
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing

QR_SIZE = 220


def qr_svg_data_uri(text: str) -> str:
    widget = QrCodeWidget(text, barWidth=QR_SIZE, barHeight=QR_SIZE, barBorder=4)
    drawing = Drawing(QR_SIZE, QR_SIZE)
    drawing.add(widget)
    svg = renderSVG.drawToString(drawing)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
