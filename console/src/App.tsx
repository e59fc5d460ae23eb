import {
  Alert,
  Anchor,
  Button,
  Center,
  Container,
  type CSSVariablesResolver,
  Group,
  Loader,
  MantineProvider,
  Stack,
  Text,
  Title,
  createTheme,
} from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { lazy, type ReactNode, Suspense, useMemo } from 'react';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation, useSearchParams } from 'react-router-dom';
import { Provider } from 'urql';
import { AccessProvider, useAccess } from './access';
import { AuthProvider, useAuth } from './auth/AuthProvider';
import { AuthRouteError } from './auth/routes';
import { makeClient } from './client';
import { Layout } from './Layout';
import { AcceptInvitationPage } from './pages/AcceptInvitation';
import { AdminTenantsPage } from './pages/AdminTenants';
import { AuditLogPage } from './pages/AuditLog';
import { CreateTenantPage } from './pages/CreateTenant';
import { HomePage } from './pages/Home';
import { MembersPage } from './pages/Members';
import { RolesPage } from './pages/Roles';
import { ConfigsPage } from './pages/routing/Configs';
import { DatasourcesPage } from './pages/routing/Datasources';
import { IntentPage } from './pages/routing/IntentDetail';
import { IntentsPage } from './pages/routing/Intents';
import { RouteEmailPage } from './pages/routing/RouteEmail';
import { RoutingRunsPage } from './pages/routing/Runs';
import { SignInPage, SignUpPage, safeNext } from './pages/SignIn';
import { BoardPage } from './pages/work/Board';
import { ItemPage } from './pages/work/ItemPage';
import { ItemsListPage } from './pages/work/ItemsList';
import { TagsPage } from './pages/work/Tags';
import { TeamsPage } from './pages/work/Teams';

// The charts library is large and only this page needs it.
const AnalyticsPage = lazy(() => import('./pages/work/Analytics').then((module) => ({ default: module.AnalyticsPage })));

const theme = createTheme({
  primaryColor: 'blue',
  // System fonts only: nothing is fetched from elsewhere.
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  focusRing: 'always',
  // Shade 8 of blue, and gray 7 for dimmed text, keep text at 4.5:1 or more
  // against white (WCAG AA).
  primaryShade: 8,
  // Black or white text on filled colors, whichever reads better.
  autoContrast: true,
});

const LIGHT_COLORS = ['blue', 'red', 'green', 'gray', 'yellow', 'orange', 'teal', 'violet'];

const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    // Text of the "light" variants (badges, active links, light buttons) on
    // their tinted backgrounds.
    ...Object.fromEntries(
      LIGHT_COLORS.map((color) => [`--mantine-color-${color}-light-color`, `color-mix(in srgb, var(--mantine-color-${color}-9), black 30%)`]),
    ),
  },
  dark: {},
});

/** Shown instead of the sign-in page when the page-load refresh could not
 * get an answer: signing in would fail the same way. */
export function Unreachable({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  // Trellis explains its refusals in JSON; a bare status (a proxy's 500 or
  // 502 with the server down) or a network error means no answer from it.
  const answered = error instanceof AuthRouteError && !/^the server answered/i.test(error.message);
  return (
    <Container size={520} py="xl" component="main">
      <Stack>
        <Title order={1}>Cannot reach the server</Title>
        <Alert color="red" variant="light" role="alert" title="The console could not reach the Trellis server">
          <Text size="sm">
            {answered
              ? `The server answered ${error.status}: ${error.message}.`
              : 'The server did not answer. Check your network connection, or that the server is running.'}{' '}
            Your session, if you had one, is kept: retry when the server is back.
          </Text>
        </Alert>
        <Group>
          <Button onClick={onRetry}>Retry</Button>
        </Group>
      </Stack>
    </Container>
  );
}

function Restoring({ children }: { children: ReactNode }) {
  const { status, restoreError, retry } = useAuth();
  if (status === 'restoring') {
    return (
      <Center h="100vh">
        <Loader aria-label="Restoring your session" />
      </Center>
    );
  }
  if (status === 'unreachable') return <Unreachable error={restoreError} onRetry={retry} />;
  return <>{children}</>;
}

function RequireAuth({ children }: { children: ReactNode }) {
  const { session } = useAuth();
  const location = useLocation();
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/signin' : `/signin?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

function PublicOnly({ children }: { children: ReactNode }) {
  const { session } = useAuth();
  const [params] = useSearchParams();
  if (session) return <Navigate to={safeNext(params.get('next'))} replace />;
  return <>{children}</>;
}

/** Pages that act inside a tenant, and the permission they need to read. */
export function RequireTenant({ children, permission }: { children: ReactNode; permission?: string }) {
  const { tenantId, can, loading } = useAccess();
  if (loading) return <Loader aria-label="Loading" />;
  if (!tenantId) {
    return (
      <Alert title="No tenant selected" color="blue">
        <Text size="sm">
          Choose a tenant in the header, or{' '}
          <Anchor component={Link} to="/">
            pick one on the overview
          </Anchor>
          .
        </Text>
      </Alert>
    );
  }
  if (permission && !can(permission)) {
    return (
      <Alert title="Not available to your role" color="yellow">
        This page needs the <code>{permission}</code> permission.
      </Alert>
    );
  }
  return <>{children}</>;
}

function NotFound() {
  return (
    <Stack>
      <Title order={1}>Page not found</Title>
      <Text>
        Nothing lives at this address.{' '}
        <Anchor component={Link} to="/">
          Go to the overview
        </Anchor>
        .
      </Text>
    </Stack>
  );
}

function ClientBoundary({ children }: { children: ReactNode }) {
  const { session } = useAuth();
  // One client per user and tenant: switching tenant or signing out drops
  // the whole cache, so nothing of the previous tenant stays on screen.
  const key = `${session?.claims?.sub ?? 'anonymous'}:${session?.claims?.tid ?? ''}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const client = useMemo(() => makeClient(), [key]);
  return (
    <Provider value={client}>
      <AccessProvider key={key}>{children}</AccessProvider>
    </Provider>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/signin" element={<PublicOnly><SignInPage /></PublicOnly>} />
      <Route path="/signup" element={<PublicOnly><SignUpPage /></PublicOnly>} />
      <Route path="/invitations/accept" element={<AcceptInvitationPage />} />
      <Route element={<RequireAuth><Layout /></RequireAuth>}>
        <Route index element={<HomePage />} />
        <Route path="tenants/new" element={<CreateTenantPage />} />
        <Route path="members" element={<RequireTenant permission="members.read"><MembersPage /></RequireTenant>} />
        <Route path="roles" element={<RequireTenant permission="roles.read"><RolesPage /></RequireTenant>} />
        <Route path="audit" element={<RequireTenant permission="audit.read"><AuditLogPage /></RequireTenant>} />
        <Route path="routing/configs" element={<RequireTenant permission="routing.read"><ConfigsPage /></RequireTenant>} />
        <Route path="routing/datasources" element={<RequireTenant permission="routing.read"><DatasourcesPage /></RequireTenant>} />
        <Route path="routing/intents" element={<RequireTenant permission="routing.read"><IntentsPage /></RequireTenant>} />
        <Route path="routing/intents/:id" element={<RequireTenant permission="routing.read"><IntentPage /></RequireTenant>} />
        <Route path="routing/route" element={<RequireTenant permission="emails.route"><RouteEmailPage /></RequireTenant>} />
        <Route path="routing/runs" element={<RequireTenant permission="routing.read"><RoutingRunsPage /></RequireTenant>} />
        <Route path="work/board" element={<RequireTenant permission="items.read"><BoardPage /></RequireTenant>} />
        <Route path="work/items" element={<RequireTenant permission="items.read"><ItemsListPage /></RequireTenant>} />
        <Route path="work/items/:id" element={<RequireTenant permission="items.read"><ItemPage /></RequireTenant>} />
        <Route path="work/teams" element={<RequireTenant permission="teams.read"><TeamsPage /></RequireTenant>} />
        <Route path="work/tags" element={<RequireTenant permission="items.read"><TagsPage /></RequireTenant>} />
        <Route
          path="work/analytics"
          element={
            <RequireTenant permission="items.read">
              <Suspense fallback={<Loader aria-label="Loading" />}>
                <AnalyticsPage />
              </Suspense>
            </RequireTenant>
          }
        />
        <Route path="admin/tenants" element={<AdminTenantsPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="top-right" />
      <AuthProvider>
        <BrowserRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
          <Restoring>
            <ClientBoundary>
              <AppRoutes />
            </ClientBoundary>
          </Restoring>
        </BrowserRouter>
      </AuthProvider>
    </MantineProvider>
  );
}
