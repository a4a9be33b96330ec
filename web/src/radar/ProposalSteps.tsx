import {
  Anchor,
  Badge,
  Card,
  Group,
  Radio,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { CRITERIA, type CriterionId } from '../../../src/radar/criteria.js';
import { CRITERION_TEXT, MIN_EVIDENCE } from '../../../src/radar/proposal-rules.js';
import type { RadarView } from '../api/radar-types.js';
import type { ProposalFormValues } from './proposal-form.js';

type Form = UseFormReturnType<ProposalFormValues>;

/** What good evidence looks like, per criterion: shown under each box. */
const GOOD_EVIDENCE: Record<CriterionId, string> = {
  marketPresence:
    'First release, latest release, how often it releases, who maintains it. Link the release page.',
  relevance:
    'Teams here that use it or want to, and who else relies on it (organizations, papers). Link examples.',
  integration:
    'How it fits: installed per project, an adapter, a template step. Say what would change in the platform core (ideally nothing).',
  teamTesting:
    'What the team tried, on what data, for how long, and what went wrong. The report is a page others can read.',
  essentiality: 'The need it meets, and why what the radar already has does not meet it.',
  consensus: 'Who you asked (teams, Keepers, the guild) and what they said, objections included.',
};

export function TechnologyStep({ form, radar, teams }: { form: Form; radar?: RadarView; teams: string[] }) {
  const technologies = (radar?.blips ?? [])
    .map((b) => ({ value: b.name, label: `${b.title} (${b.ring})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return (
    <Stack>
      <SegmentedControl
        aria-label="Kind of proposal"
        data={[
          { value: 'move', label: 'Move a technology on the radar' },
          { value: 'new', label: 'Add a new technology' },
        ]}
        {...form.getInputProps('kind')}
      />
      {form.values.kind === 'move' ? (
        <Select
          label="Technology"
          description="The technology to move to another ring"
          placeholder="Choose one"
          searchable
          data={technologies}
          withAsterisk
          {...form.getInputProps('technology')}
        />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Name"
            description="Short, lower case, dashes: duckdb"
            withAsterisk
            {...form.getInputProps('name')}
          />
          <TextInput
            label="Title"
            description="The name people know it by: DuckDB"
            withAsterisk
            {...form.getInputProps('title')}
          />
          <Select
            label="Quadrant"
            withAsterisk
            data={(radar?.quadrants ?? []).map((q) => ({ value: q.id, label: q.title }))}
            {...form.getInputProps('quadrant')}
          />
          <Select
            label="Owner team"
            description="The team that will answer questions about it"
            withAsterisk
            searchable
            data={teams}
            {...form.getInputProps('owner')}
          />
          <Textarea
            label="What it is"
            description="Two or three sentences for someone who has never heard of it"
            withAsterisk
            autosize
            minRows={3}
            style={{ gridColumn: '1 / -1' }}
            {...form.getInputProps('description')}
          />
          <TextInput label="Homepage" placeholder="https://…" {...form.getInputProps('homepage')} />
        </SimpleGrid>
      )}
    </Stack>
  );
}

export function RingStep({ form, radar }: { form: Form; radar?: RadarView }) {
  const current = radar?.blips.find((b) => b.name === form.values.technology);
  return (
    <Stack>
      <Radio.Group
        label="Target ring"
        description={current ? `It is in ${current.ring} now.` : 'Where it should start on the radar.'}
        withAsterisk
        {...form.getInputProps('targetRing')}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
          {(radar?.rings ?? []).map((ring) => (
            <Radio.Card key={ring.id} value={ring.id} p="sm" disabled={current?.ring === ring.id} radius="md">
              <Group wrap="nowrap" align="flex-start">
                <Radio.Indicator />
                <div>
                  <Text fw={600}>{ring.title}</Text>
                  <Text size="sm" c="dimmed">
                    {ring.description}
                  </Text>
                </div>
              </Group>
            </Radio.Card>
          ))}
        </SimpleGrid>
      </Radio.Group>
      <Textarea
        label="Why, in a sentence"
        description="It becomes the reason in the technology's history once accepted"
        withAsterisk
        autosize
        minRows={2}
        {...form.getInputProps('summary')}
      />
    </Stack>
  );
}

function Criterion({ form, id, teams }: { form: Form; id: CriterionId; teams: string[] }) {
  const text = CRITERION_TEXT[id];
  return (
    <Card padding="md" data-criterion={id}>
      <Title order={3} size="h4">
        {text.title}
      </Title>
      <Text size="sm" mb="xs">
        {text.question}
      </Text>
      <Stack gap="xs">
        {id === 'marketPresence' && (
          <TextInput
            label="First released"
            placeholder="2019 or 2019-06"
            withAsterisk
            w={200}
            {...form.getInputProps('criteria.marketPresence.since')}
          />
        )}
        {id === 'teamTesting' && (
          <Group grow align="flex-start">
            <Select
              label="Team that tested it"
              data={teams}
              searchable
              withAsterisk
              {...form.getInputProps('criteria.teamTesting.team')}
            />
            <TextInput
              label="Link to their report"
              placeholder="https://…"
              withAsterisk
              {...form.getInputProps('criteria.teamTesting.report')}
            />
          </Group>
        )}
        <Textarea
          label="Evidence"
          description={`${GOOD_EVIDENCE[id]} At least ${MIN_EVIDENCE} characters.`}
          withAsterisk
          autosize
          minRows={2}
          {...form.getInputProps(`criteria.${id}.text`)}
        />
        <Textarea
          label="Links"
          description="One web address per line"
          autosize
          minRows={1}
          {...form.getInputProps(`criteria.${id}.links`)}
        />
      </Stack>
    </Card>
  );
}

export function CriteriaStep({ form, teams }: { form: Form; teams: string[] }) {
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      {CRITERIA.map((id) => (
        <Criterion key={id} form={form} id={id} teams={teams} />
      ))}
    </SimpleGrid>
  );
}

export function ReviewStep({ values, radar }: { values: ProposalFormValues; radar?: RadarView }) {
  const current = radar?.blips.find((b) => b.name === values.technology);
  const title = values.kind === 'move' ? (current?.title ?? values.technology) : values.title;
  return (
    <Stack>
      <Group>
        <Title order={3} size="h4">
          {values.kind === 'move'
            ? `Move ${title} from ${current?.ring} to ${values.targetRing}`
            : `Add ${title} in ${values.targetRing}`}
        </Title>
      </Group>
      <Text>{values.summary}</Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {CRITERIA.map((id) => (
          <Card key={id} padding="sm">
            <Group gap="xs">
              <Text fw={600}>{CRITERION_TEXT[id].title}</Text>
              {id === 'marketPresence' && (
                <Badge variant="light">since {values.criteria.marketPresence.since}</Badge>
              )}
              {id === 'teamTesting' && <Badge variant="light">{values.criteria.teamTesting.team}</Badge>}
            </Group>
            <Text size="sm">{values.criteria[id].text}</Text>
            {values.criteria[id].links
              .split('\n')
              .filter((l) => l.trim())
              .map((l) => (
                <Anchor key={l} href={l.trim()} target="_blank" rel="noreferrer" size="xs" display="block">
                  {l.trim()}
                </Anchor>
              ))}
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
