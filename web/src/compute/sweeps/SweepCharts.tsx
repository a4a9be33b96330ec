import { Card, SimpleGrid, Text, Title, useComputedColorScheme } from '@mantine/core';
import type { ReactNode } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { NumericParameter, SweepSpec, Trial } from '../../api/sweep-types.js';
import { formatValue } from './sweep-states.js';

const PALETTE = ['#1c7ed6', '#0ca678', '#f08c00', '#e03131', '#7048e8', '#1098ad', '#d6336c', '#5c940d'];

function ChartCard({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  return (
    <Card p="md" withBorder>
      <Title order={3} size="h5">
        {title}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {hint}
      </Text>
      <div style={{ width: '100%', height: 260 }}>{children}</div>
    </Card>
  );
}

function useChartColors() {
  const dark = useComputedColorScheme('light') === 'dark';
  return {
    grid: dark ? '#373a40' : '#e9ecef',
    text: dark ? '#c1c2c5' : '#495057',
    tooltip: { background: dark ? '#25262b' : '#fff', border: `1px solid ${dark ? '#373a40' : '#dee2e6'}` },
  };
}

/** The objective of each finished trial in the order they ended, and the best so far as a line. */
function progressData(trials: Trial[], goal: SweepSpec['objective']['goal']) {
  const finished = trials
    .filter((t) => t.value !== null && t.endedAt)
    .sort((a, b) => Date.parse(a.endedAt as string) - Date.parse(b.endedAt as string));
  let best: number | null = null;
  return finished.map((t, i) => {
    const value = t.value as number;
    if (best === null || (goal === 'minimize' ? value < best : value > best)) best = value;
    return { order: i + 1, trial: t.number, value, best };
  });
}

/**
 * The sweep in pictures: the objective of each trial as they finish with the best so far, every
 * trial's intermediate values per step, and each numeric parameter against the objective.
 */
export default function SweepCharts({ trials, spec }: { trials: Trial[]; spec: SweepSpec }) {
  const colors = useChartColors();
  const metric = spec.objective.metric;
  const progress = progressData(trials, spec.objective.goal);
  const curves = trials.filter((t) => t.intermediate.length > 0).slice(-24);
  const steps = [...new Set(curves.flatMap((t) => t.intermediate.map((point) => point[0] as number)))].sort(
    (a, b) => a - b,
  );
  const curveRows = steps.map((step) => {
    const row: Record<string, number> = { step };
    for (const t of curves) {
      const point = t.intermediate.find((pair) => pair[0] === step);
      if (point) row[`t${t.number}`] = point[1] as number;
    }
    return row;
  });
  const numeric = spec.parameters.filter((p): p is NumericParameter => p.type !== 'categorical');
  const axis = { stroke: colors.text, fontSize: 12 };
  if (progress.length === 0 && curves.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="charts-empty">
        The charts appear as soon as a trial reports {metric}.
      </Text>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="sweep-charts">
      <ChartCard
        title={`${metric} per trial`}
        hint="Each dot is a finished trial, in the order they ended; the line is the best so far."
      >
        <ResponsiveContainer>
          <LineChart data={progress} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid stroke={colors.grid} />
            <XAxis
              dataKey="order"
              tick={axis}
              label={{
                value: 'trials finished',
                position: 'insideBottom',
                offset: -2,
                fill: colors.text,
                fontSize: 11,
              }}
            />
            <YAxis tick={axis} tickFormatter={(v: number) => formatValue(v)} width={64} />
            <Tooltip
              contentStyle={colors.tooltip}
              formatter={(v) => formatValue(Number(v))}
              labelFormatter={(l) => `#${l} finished`}
            />
            <Legend />
            <Line
              type="monotone"
              dataKey="value"
              name={metric}
              stroke="none"
              dot={{ r: 3, fill: PALETTE[0] }}
              isAnimationActive={false}
            />
            <Line
              type="stepAfter"
              dataKey="best"
              name="best so far"
              stroke={PALETTE[1]}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard
        title={`${metric} per step`}
        hint="The values each trial reported as it ran (the last 24 trials)."
      >
        <ResponsiveContainer>
          <LineChart data={curveRows} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid stroke={colors.grid} />
            <XAxis dataKey="step" tick={axis} />
            <YAxis tick={axis} tickFormatter={(v: number) => formatValue(v)} width={64} />
            <Tooltip
              contentStyle={colors.tooltip}
              formatter={(v) => formatValue(Number(v))}
              labelFormatter={(l) => `step ${l}`}
            />
            {curves.map((t, i) => (
              <Line
                key={t.number}
                type="monotone"
                dataKey={`t${t.number}`}
                name={`trial ${t.number}`}
                stroke={PALETTE[i % PALETTE.length]}
                strokeOpacity={t.state === 'pruned' ? 0.45 : 1}
                strokeDasharray={t.state === 'pruned' ? '4 3' : undefined}
                dot={false}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </ChartCard>
      {numeric.map((p, i) => (
        <ChartCard
          key={p.name}
          title={`${p.name} against ${metric}`}
          hint={`Where the good trials are along ${p.name}${p.scale === 'log' ? ' (log scale)' : ''}.`}
        >
          <ResponsiveContainer>
            <ScatterChart margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
              <CartesianGrid stroke={colors.grid} />
              <XAxis
                type="number"
                dataKey="x"
                name={p.name}
                tick={axis}
                scale={p.scale === 'log' ? 'log' : 'auto'}
                domain={['auto', 'auto']}
                tickFormatter={(v: number) => formatValue(v)}
              />
              <YAxis
                type="number"
                dataKey="y"
                name={metric}
                tick={axis}
                tickFormatter={(v: number) => formatValue(v)}
                width={64}
              />
              <Tooltip contentStyle={colors.tooltip} formatter={(v) => formatValue(Number(v))} />
              <Scatter
                data={trials
                  .filter((t) => t.value !== null && typeof t.params[p.name] === 'number')
                  .map((t) => ({ x: t.params[p.name] as number, y: t.value as number }))}
                fill={PALETTE[(i + 2) % PALETTE.length]}
                isAnimationActive={false}
              />
            </ScatterChart>
          </ResponsiveContainer>
        </ChartCard>
      ))}
    </SimpleGrid>
  );
}
