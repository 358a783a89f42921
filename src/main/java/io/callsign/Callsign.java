package io.callsign; public final class Callsign { public static void main(String[] a){} }
