/** The spot price of a subnet over the blocks seen since the page opened (uPlot, in a box of fixed size). */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** Props of {@link PriceChart}: block numbers and prices, same length. */
export interface PriceChartProps {
  readonly blocks: readonly number[];
  readonly prices: readonly number[];
}

const HEIGHT = 180;

export function PriceChart(props: PriceChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  useEffect(() => {
    const el = box.current;
    if (el === null) return;
    const plot = new uPlot(
      {
        width: el.clientWidth,
        height: HEIGHT,
        legend: { show: false },
        scales: { x: { time: false } },
        axes: [{ label: 'block' }, { label: 'τ/α', size: 70 }],
        series: [{}, { label: 'price', stroke: '#2563eb', width: 2 }],
      },
      [[], []],
      el,
    );
    chart.current = plot;
    const resize = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setData([[...props.blocks], [...props.prices]]);
  }, [props.blocks, props.prices]);
  return <div class="chart" ref={box} role="img" aria-label="price over the blocks seen" />;
}
