// The parts of Chart.js the charts use (KPI lines, review bars and trends), registered once; loaded on demand by
// charts.js.
import {
  Chart, LineController, LineElement, PointElement, LinearScale, Legend, Tooltip, Filler, BarController, BarElement,
  CategoryScale,
} from 'chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip, Filler, BarController,
  BarElement, CategoryScale);

export { Chart };
