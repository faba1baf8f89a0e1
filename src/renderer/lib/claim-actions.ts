import type { ClaimStatus } from '../../shared/domain';

/**
 * The status moves a checker makes with claims.transition (the service decides; it refuses what
 * it does not allow). Verified / changes requested come from reviews, not from these buttons.
 */
export const CHECKER_ACTIONS: Record<ClaimStatus, { to: ClaimStatus; label: string }[]> = {
  open: [{ to: 'researching', label: 'Start research' }],
  researching: [{ to: 'in review', label: 'Send for review' }],
  'in review': [],
  verified: [],
  'changes requested': [{ to: 'researching', label: 'Resume research' }]
};

export const STATUS_HINTS: Record<ClaimStatus, string> = {
  open: 'Not researched yet.',
  researching: 'Give a verdict and evidence, then send it for review.',
  'in review': 'Waiting for a reviewer to approve it or request changes.',
  verified: 'Approved by a reviewer: it goes into the fact sheet.',
  'changes requested': 'The reviewer asked for changes: see the reviews below.'
};
