import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';
import type { ProposalDetail, ProposalInput, ProposalList, RadarView } from './radar-types.js';

const radarKey = ['radar'] as const;

/** The radar drawing: quadrants, rings and placed blips. */
export function useRadar() {
  return useQuery({ queryKey: radarKey, queryFn: ({ signal }) => api<RadarView>('/radar', { signal }) });
}

/** Proposals, newest first, filtered by state or technology. */
export function useProposals(filters: { state?: string; technology?: string } = {}) {
  return useQuery({
    queryKey: [...radarKey, 'proposals', filters],
    queryFn: ({ signal }) => api<ProposalList>('/proposals', { signal, query: { ...filters, limit: 100 } }),
  });
}

/** One proposal with votes, comments, the rule's verdict and the decision. */
export function useProposal(key: string | undefined) {
  return useQuery({
    queryKey: [...radarKey, 'proposal', key],
    enabled: Boolean(key),
    queryFn: ({ signal }) => api<ProposalDetail>(`/proposals/${encodeURIComponent(key ?? '')}`, { signal }),
  });
}

function useProposalMutation<I>(path: (input: I) => { url: string; body?: unknown }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => {
      const { url, body } = path(input);
      return api<ProposalDetail>(url, { method: 'POST', body });
    },
    onSuccess: (detail) => {
      queryClient.setQueryData([...radarKey, 'proposal', String(detail.number)], detail);
      void queryClient.invalidateQueries({ queryKey: radarKey });
    },
  });
}

export function useCreateProposal() {
  return useProposalMutation((input: ProposalInput) => ({ url: '/proposals', body: input }));
}

export function useComment(number: number) {
  return useProposalMutation((body: string) => ({ url: `/proposals/${number}/comments`, body: { body } }));
}

export function useVote(number: number) {
  return useProposalMutation(
    (vote: { choice: string; blocking?: boolean; reason?: string; team?: string }) => ({
      url: `/proposals/${number}/votes`,
      body: vote,
    }),
  );
}

export function useDecide(number: number) {
  return useProposalMutation((decision: { outcome: 'accepted' | 'rejected'; reason: string }) => ({
    url: `/proposals/${number}/decision`,
    body: decision,
  }));
}

export function useWithdraw(number: number) {
  return useProposalMutation((_: undefined) => ({ url: `/proposals/${number}/withdraw` }));
}
