import { useEffect, useRef, type PointerEvent } from 'react';

type Point = { x: number; y: number };

interface SignaturePadProps {
  // The signature as a PNG data URL after each stroke; null once cleared.
  onChange(dataUrl: string | null): void;
  // Bumped by the parent to clear the pad.
  clearSignal: number;
  labelledBy: string;
}

const height = 180;

// A signature drawn with a finger, stylus or mouse (pointer events, so one code path for all).
// Strokes are kept in CSS pixels and redrawn when the pad changes size (a phone turned sideways),
// so what was signed never stretches or disappears.
export function SignaturePad({ onChange, clearSignal, labelledBy }: SignaturePadProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<Point[][]>([]);
  const drawing = useRef(false);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const observer = new ResizeObserver(() => redraw(element, strokes.current));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (clearSignal === 0) return;
    strokes.current = [];
    if (canvas.current) redraw(canvas.current, []);
    // The parent cleared it: it knows the signature is gone.
  }, [clearSignal]);

  const pointAt = (event: PointerEvent<HTMLCanvasElement>): Point => {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };

  const start = (event: PointerEvent<HTMLCanvasElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = true;
    strokes.current.push([pointAt(event)]);
    redraw(event.currentTarget, strokes.current);
  };

  const extend = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    strokes.current.at(-1)?.push(pointAt(event));
    redraw(event.currentTarget, strokes.current);
  };

  const end = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    drawing.current = false;
    onChange(event.currentTarget.toDataURL('image/png'));
  };

  return (
    <canvas
      ref={canvas}
      className="signature-pad"
      style={{ height }}
      role="img"
      aria-labelledby={labelledBy}
      onPointerDown={start}
      onPointerMove={extend}
      onPointerUp={end}
      onPointerCancel={end}
      data-testid="signature-pad"
    />
  );
}

// Sizes the bitmap to the pad's size on screen (sharp on high-density screens), paints it white,
// so the PNG has no transparent background, and draws every stroke.
function redraw(element: HTMLCanvasElement, strokes: readonly Point[][]): void {
  const ratio = window.devicePixelRatio || 1;
  const width = element.clientWidth;
  const bitmapWidth = Math.round(width * ratio);
  const bitmapHeight = Math.round(height * ratio);
  if (element.width !== bitmapWidth || element.height !== bitmapHeight) {
    element.width = bitmapWidth;
    element.height = bitmapHeight;
  }
  const context = element.getContext('2d');
  if (!context) return;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.strokeStyle = '#1a2433';
  context.lineWidth = 2.2;
  context.lineCap = 'round';
  context.lineJoin = 'round';
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    if (!first) continue;
    context.beginPath();
    context.moveTo(first.x, first.y);
    // A tap leaves a dot.
    if (rest.length === 0) context.lineTo(first.x + 0.1, first.y + 0.1);
    for (const point of rest) context.lineTo(point.x, point.y);
    context.stroke();
  }
}
