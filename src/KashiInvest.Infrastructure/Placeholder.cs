namespace KashiInvest.Infrastructure; public static class Placeholder {}
