// The parts of Chart.js the KPI charts use, registered once; loaded on demand by charts.js.
import { Chart, LineController, LineElement, PointElement, LinearScale, Legend, Tooltip, Filler } from 'chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip, Filler);

export { Chart };
