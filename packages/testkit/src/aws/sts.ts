/** STS `GetCallerIdentity` (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html). */
export function stsHandler(accountId: string) {
  return async (operation: string, input: Record<string, unknown>): Promise<unknown> => {
    void input;
    if (operation !== 'GetCallerIdentity') return undefined;
    return { UserId: 'AIDASTANDINUSER00000', Account: accountId, Arn: `arn:aws:iam::${accountId}:user/x` };
  };
}
