package com.caricomtr.agent;

public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("agent");
    }
}
