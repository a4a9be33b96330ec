import { Alert, Button, Card, Group, Stepper } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowLeft, IconArrowRight, IconSend } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, describeError } from '../api/api-error.js';
import { useCreateProposal, useRadar } from '../api/radar-queries.js';
import { useTeams } from '../api/team-queries.js';
import { paths, proposalHref } from '../app/routes.js';
import { PageHeader } from '../components/PageHeader.js';
import { CriteriaStep, ReviewStep, RingStep, TechnologyStep } from './ProposalSteps.js';
import {
  checkProposal,
  emptyProposal,
  formField,
  type ProposalFormValues,
  stepOf,
  toInput,
} from './proposal-form.js';

const STEPS = ['Technology', 'Ring and why', 'Evidence', 'Review'];

/** The proposal form, in steps: which technology, which ring and why, evidence for the six criteria, review. */
export function NewProposalPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const radar = useRadar();
  const teams = useTeams();
  const create = useCreateProposal();
  const [step, setStep] = useState(0);
  const form = useForm<ProposalFormValues>({
    initialValues: emptyProposal(params.get('technology') ?? undefined),
  });
  const teamNames = useMemo(() => teams.data?.items.map((t) => t.name), [teams.data]);

  /** Shows the problems of the steps up to `upTo`; true when there are none. */
  const check = (upTo: number) => {
    const problems = checkProposal(form.values, radar.data, teamNames).filter((p) => stepOf(p.field) <= upTo);
    form.clearErrors();
    for (const p of problems) form.setFieldError(p.field, p.message);
    const first = problems[0];
    if (first) setStep(Math.min(step, stepOf(first.field)));
    return problems.length === 0;
  };
  const next = () => check(step) && setStep((s) => Math.min(s + 1, STEPS.length - 1));
  const submit = () => {
    if (!check(2)) return;
    create.mutate(toInput(form.values), {
      onSuccess: (created) => navigate(proposalHref(created.number)),
      onError: (error) => {
        const problems = error instanceof ApiError ? error.fieldProblems : [];
        for (const p of problems) form.setFieldError(formField(p.field), p.message);
        if (problems.length > 0) setStep(Math.min(...problems.map((p) => stepOf(p.field))));
      },
    });
  };

  return (
    <>
      <PageHeader
        title="Propose a technology"
        trail={[
          { label: 'Radar', href: paths.radar },
          { label: 'Proposals', href: paths.proposals },
        ]}
        description="Bring a technology onto the radar or move it to another ring. Keepers and team representatives vote on it; good evidence for each of the six criteria is what convinces them."
      />
      <Card padding="lg" maw={960}>
        <Stepper active={step} onStepClick={(s) => s < step && setStep(s)} mb="xl" size="sm">
          {STEPS.map((label) => (
            <Stepper.Step key={label} label={label} />
          ))}
        </Stepper>
        {step === 0 && <TechnologyStep form={form} radar={radar.data} teams={teamNames ?? []} />}
        {step === 1 && <RingStep form={form} radar={radar.data} />}
        {step === 2 && <CriteriaStep form={form} teams={teamNames ?? []} />}
        {step === 3 && <ReviewStep values={form.values} radar={radar.data} />}
        {create.isError && !(create.error instanceof ApiError && create.error.fieldProblems.length > 0) && (
          <Alert color="red" mt="md" title="The proposal was not opened">
            {describeError(create.error)}
          </Alert>
        )}
        <Group justify="space-between" mt="xl">
          <Button
            variant="default"
            leftSection={<IconArrowLeft size={16} />}
            disabled={step === 0}
            onClick={() => setStep((s) => s - 1)}
          >
            Back
          </Button>
          {step < STEPS.length - 1 ? (
            <Button rightSection={<IconArrowRight size={16} />} onClick={next}>
              Next: {STEPS[step + 1]}
            </Button>
          ) : (
            <Button leftSection={<IconSend size={16} />} loading={create.isPending} onClick={submit}>
              Open the proposal
            </Button>
          )}
        </Group>
      </Card>
    </>
  );
}
